package org.oko.forms.api;

import java.util.List;
import java.util.Map;

/**
 * SPI: a module's addition to the XLSX export of a form version's submissions
 * ({@code GET /api/submissions/export.xlsx}): one extra sheet after the sheet of submissions
 * (a whiteboard service; register it with DS).
 * <p>
 * Service property {@value #FORM_ID}: the form id whose exports it adds to (required).
 * <p>
 * It is called as the person exporting, with exactly the submissions that person may see, and
 * must not show more than it is given. A contributor that throws, or answers a sheet too large,
 * adds no sheet: the export still comes, with a sheet «Ошибки модулей» naming what is missing,
 * and the log holds the reason.
 *
 * @since 1.2
 */
public interface ReportContributor {

    String FORM_ID = FormValidator.FORM_ID;

    /** At most this many rows per sheet (Excel's own limit is about a million). */
    int MAX_ROWS = 100_000;

    /**
     * One exported submission.
     *
     * @param values every value by key — typed in, calculated and computed: BigDecimal, String,
     *               Boolean, LocalDate or List&lt;String&gt;
     */
    record Submission(long id, String period, String organisationCode, String organisationName, SubmissionState state,
                      Map<String, Object> values) {
    }

    /**
     * An extra sheet: a title (made safe for Excel and unique in the file; at most 31 characters),
     * a header row (bold) and rows of cells — String, Number, Boolean, LocalDate (written dd.MM.yyyy)
     * or null for an empty cell; any other object is written as its text.
     */
    record Sheet(String title, List<String> header, List<List<Object>> rows) {
    }

    /** @return the sheet to add, or null to add nothing (e.g. no submission concerns it) */
    Sheet contribute(FormDefinition definition, List<Submission> submissions);
}
