/**
 * Long work in the background with its progress: one job type for the whole platform and its
 * modules (imports, generated documents, recomputations). A module starts its work through
 * {@link org.oko.platform.api.jobs.Jobs}, reports progress on its {@link org.oko.platform.api.jobs.Job},
 * and answers the job as JSON; the web UI follows it in the header's task tray.
 */
@Version("1.2.0")
@Export
package org.oko.platform.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
