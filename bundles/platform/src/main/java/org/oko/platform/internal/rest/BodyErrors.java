package org.oko.platform.internal.rest;

import java.util.stream.Collectors;

import javax.ws.rs.core.NoContentException;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What the client did wrong when its request body could not be read: not JSON at all (with the
 * line and column), a value of the wrong type (with the field's path), an unknown field, or no body.
 * Jackson's own first line is kept as the detail; its stack and source excerpt are not.
 */
final class BodyErrors {

    private BodyErrors() {
    }

    static ApiException refusal(Throwable failure) {
        ApiException refusal = new ApiException(ApiException.Kind.INVALID, "request.body", message(failure), failure);
        if (failure instanceof JsonMappingException mapping && !(failure instanceof JsonParseException) && !path(mapping).isEmpty()) {
            refusal.withField(path(mapping));
        }
        return refusal;
    }

    static ApiMessage message(Throwable failure) {
        if (failure instanceof NoContentException) {
            return new ApiMessage("Пустое тело запроса: ожидается JSON", "the request body is empty: JSON expected");
        }
        JsonProcessingException json = (JsonProcessingException) failure;
        String where = where(json.getLocation());
        String detail = firstLine(json.getOriginalMessage());
        if (json instanceof JsonParseException || !(json instanceof JsonMappingException)) {
            return new ApiMessage("Тело запроса — не JSON" + where.replace("line", "строка").replace("column", "столбец") + ": " + detail,
                    "the request body is not valid JSON" + where + ": " + detail);
        }
        String path = path((JsonMappingException) json);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return new ApiMessage("Неизвестное поле «" + path + "»", "unknown field " + path
                    + " (" + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ")");
        }
        String field = path.isEmpty() ? "" : " «" + path + "»";
        return new ApiMessage("Неверное значение" + (path.isEmpty() ? " тела запроса" : " поля" + field)
                + where.replace("line", "строка").replace("column", "столбец") + ": " + detail,
                "wrong value " + (path.isEmpty() ? "of the request body" : "of field " + path) + where + ": " + detail);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The field's path as a reader would write it: {@code steps[2].deadline}. */
    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson's first line, with a class named by its simple name only: our package layout is not the client's business. */
    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).trim().replaceAll("`(?:[a-z_][\\w]*\\.)+([A-Za-z_][\\w$]*)`", "`$1`");
    }
}
