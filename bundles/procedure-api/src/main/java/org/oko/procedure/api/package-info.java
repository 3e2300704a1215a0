/**
 * The procedure kit's own types, for modules of assessment procedures (ВПР, ГТО, ВсОШ, НОКО, a
 * region's own): {@link org.oko.procedure.api.Levels} folds results per school, per territory and for
 * the region in one pass; {@link org.oko.procedure.api.Flag} is a sign on a school with its
 * explanation; {@link org.oko.procedure.api.ResultsImporter} is a module's results import as a service
 * for other bundles, {@link org.oko.procedure.api.FlagSource} its signs on schools for the centre's risk
 * flags, {@link org.oko.procedure.api.PublicResults} what the public school catalogue may show of a school. Reading files, jobs, specs and Excel come from {@code org.oko.tables.api} and
 * {@code org.oko.platform.api.*} (docs/modules.md, "The procedure kit").
 */
@Version("1.3.0")
@Export
package org.oko.procedure.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
