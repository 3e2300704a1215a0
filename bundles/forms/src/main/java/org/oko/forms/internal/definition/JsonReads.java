package org.oko.forms.internal.definition;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.oko.forms.api.Text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The small readers of {@link DefinitionParser}: each reads one field of a JSON node and records a
 * problem with the field's path instead of throwing, so that one pass names every problem of a file.
 */
final class JsonReads {

    private final List<String> problems;

    JsonReads(List<String> problems) {
        this.problems = problems;
    }

    void unknown(JsonNode node, Set<String> allowed, String path) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(prefix(path) + name + ": unknown field");
            }
        }
    }

    String matching(JsonNode node, String field, Pattern pattern, String path, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problems.add(prefix(path) + field + ": required");
            }
            return null;
        }
        String text = value.asText();
        if (!value.isTextual() || !pattern.matcher(text).matches()) {
            problems.add(prefix(path) + field + ": '" + text + "' does not match " + pattern.pattern());
            return null;
        }
        return text;
    }

    Text text(JsonNode node, String field, String path, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problems.add(prefix(path) + field + ": required");
            }
            return null;
        }
        if (value.isTextual() && !value.asText().isBlank()) {
            return Text.of(value.asText());
        }
        if (value.isObject() && value.path("ru").isTextual() && !value.path("ru").asText().isBlank()) {
            unknown(value, Set.of("ru", "en"), prefix(path) + field);
            String en = value.path("en").isTextual() ? value.path("en").asText() : null;
            return new Text(value.path("ru").asText(), en);
        }
        problems.add(prefix(path) + field + ": a text, or {\"ru\": \"…\", \"en\": \"…\"} with the Russian wording, is required");
        return null;
    }

    String string(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(prefix(path) + field + ": must be a string");
            return null;
        }
        return value.asText();
    }

    String expression(JsonNode node, String field, String path) {
        String text = string(node, field, path);
        if (text != null && text.isBlank()) {
            problems.add(prefix(path) + field + ": an empty expression");
            return null;
        }
        return text;
    }

    boolean bool(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(prefix(path) + field + ": must be true or false");
            return false;
        }
        return value.asBoolean();
    }

    BigDecimal number(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(prefix(path) + field + ": must be a number");
            return null;
        }
        return value.decimalValue();
    }

    static String prefix(String path) {
        return path.isEmpty() ? "" : path + ".";
    }
}
