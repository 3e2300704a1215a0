package org.oko.forms.api;

import java.util.List;

/**
 * SPI: a module that turns an uploaded file — a region's own Excel layout, another system's
 * export — into the values of one submission (a whiteboard service; register it with DS).
 * <p>
 * Service properties: {@value #FORM_ID}, the form id (required), and {@value #IMPORTER_ID}, the
 * importer's id, unique for its form ({@code [a-z0-9-]{1,40}}, required): the upload names it,
 * {@code POST /api/submissions/{id}/import?importer=<id>&name=<file name>} with the file as the
 * body (at most 10 MB). A submission's view lists the importers of its form, so the UI can offer them.
 * <p>
 * The platform saves what it reads exactly as typed values are saved — by the school's own
 * coordinator, in a state that allows editing, every value checked like a typed one, each change
 * in the history, revisions raised (so a colleague editing an older revision gets the usual
 * conflict) — and all or nothing: if the importer reports a problem, or a value has no place in the
 * form or does not fit its indicator, nothing is saved and the answer lists every problem with its
 * row and field. It is called as the uploading person. An importer that throws refuses the upload
 * with a clear message and a log entry.
 * <p>
 * A tabular file is best read with the platform's table reader and column step
 * ({@code org.oko.tables.api}: {@code TableReader}, {@code ColumnMapping}), as the catalogue and ВПР
 * imports are: both CSV encodings and XLSX, a row cut short reported as a problem instead of empty
 * cells, columns found by their headers and aliases.
 *
 * @since 1.2
 */
public interface FormImporter {

    String FORM_ID = FormValidator.FORM_ID;
    String IMPORTER_ID = "oko.importer.id";

    /**
     * A value read from the file.
     *
     * @param key   an indicator code or a cell key {@code table.column[row]}
     * @param value Number, String (as people type: «1 234,5», «01.04.2026»), Boolean, LocalDate,
     *              List&lt;String&gt;, or null to empty the value
     * @param row   the file's row it came from (1-based), 0 if none: shown with problems
     */
    record Value(String key, Object value, int row) {
    }

    /**
     * A problem of the file, for the person who uploaded it.
     *
     * @param row     the file's row (1-based), 0 for the whole file
     * @param field   the value key or the file's column it concerns, null if none
     * @param message in Russian: what is wrong and how to fix it
     */
    record Problem(int row, String field, String message) {
    }

    /** What was read: values and, if anything is wrong, problems (then nothing is saved). */
    record Result(List<Value> values, List<Problem> problems) {
    }

    /** The name people see: «Шаблон Excel Н-ского района». */
    Text title();

    /**
     * @param organisationCode the submission's organisation (catalog code)
     * @param fileName         the uploaded file's name as given, may be null
     */
    Result read(FormDefinition definition, String organisationCode, String fileName, byte[] content);
}
