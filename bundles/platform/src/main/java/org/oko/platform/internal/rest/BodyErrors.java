package org.oko.platform.internal.rest;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

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
            return TEXTS.text("body.empty");
        }
        JsonProcessingException json = (JsonProcessingException) failure;
        JsonLocation location = json.getLocation();
        // ".at" texts say where: {1} the line, {2} the column
        String at = location == null || location.getLineNr() < 1 ? "" : ".at";
        Object line = at.isEmpty() ? null : location.getLineNr();
        Object column = at.isEmpty() ? null : location.getColumnNr();
        String detail = firstLine(json.getOriginalMessage());
        if (json instanceof JsonParseException || !(json instanceof JsonMappingException)) {
            return TEXTS.text("body.not-json" + at, detail, line, column);
        }
        String path = path((JsonMappingException) json);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return TEXTS.text("body.unknown-field", path, unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return TEXTS.text((path.isEmpty() ? "body.wrong-value" : "body.wrong-field-value") + at, detail, line, column, path);
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
