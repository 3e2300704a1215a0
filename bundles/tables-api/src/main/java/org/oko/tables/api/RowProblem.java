package org.oko.tables.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.oko.platform.api.rest.ApiMessage;

/**
 * What is wrong with a file (row 0), its header or one of its rows, in OKO's two languages: as JSON
 * {@code {"row", "column", "message", "messages": {"ru", "en"}}}, the way the error format carries a text
 * (docs/api-errors.md), so that a screen shows it in the reader's language.
 *
 * @param row      the row's number as a spreadsheet shows it; 0 for the file as a whole
 * @param column   the column's header, or null when the problem is not one column's
 * @param message  the Russian text, naming the value and what is expected
 * @param messages the text by language, "ru" and "en"
 */
public record RowProblem(long row, String column, String message, Map<String, String> messages) {

    public RowProblem {
        messages = messages == null ? Map.of("ru", message, "en", message) : Map.copyOf(messages);
    }

    /** A problem in both languages. */
    public RowProblem(long row, String column, ApiMessage text) {
        this(row, column, text.ru(), both(text));
    }

    /**
     * A problem with one text: a Russian one, or an older "Русский / English" one, which is split in two.
     *
     * @deprecated give an {@link ApiMessage} from the module's texts
     */
    @Deprecated
    public RowProblem(long row, String column, String message) {
        this(row, column, ApiMessage.split(message));
    }

    /** The text in both languages. */
    public ApiMessage text() {
        return new ApiMessage(message, messages.get("en"));
    }

    private static Map<String, String> both(ApiMessage text) {
        Map<String, String> both = new LinkedHashMap<>();
        both.put("ru", text.ru());
        both.put("en", text.en());
        return both;
    }
}
