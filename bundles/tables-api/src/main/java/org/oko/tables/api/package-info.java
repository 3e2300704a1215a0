/**
 * Tabular files, read the same way by every import of the platform and of its procedure modules:
 * {@link org.oko.tables.api.TableReader} streams a CSV (UTF-8 or Windows-1251, ";" or ",") or the
 * first sheet of an XLSX as the user sees its cells; {@link org.oko.tables.api.ColumnMapping} finds
 * which column of the file holds which of the import's {@link org.oko.tables.api.ColumnSpec columns}
 * (its header, a common alias, the person's choice or a choice remembered by
 * {@link org.oko.tables.api.ColumnMemory}); a row cut short is a row error, never empty cells.
 * {@link org.oko.tables.api.TableImport} checks rows all or nothing and {@link org.oko.tables.api.BatchWriter}
 * writes the accepted ones into one transaction on a thread of its own meanwhile.
 */
@Version("1.4.0")
@Export
package org.oko.tables.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
