package org.oko.forms.internal.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.oko.forms.api.Breakdown;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.Option;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Rule;
import org.oko.forms.api.Section;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;
import org.oko.forms.api.Upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a form definition (the JSON format of docs/forms.md and
 * form-definitions/schema/form-definition.schema.json) into the API model. Strict: unknown fields
 * are errors, so that a typo never silently drops a rule. Every problem is reported with its path,
 * e.g. {@code sections[1].items[0].type: unknown type 'money'}. Expressions are checked later, by
 * the definition checker, against the whole form.
 */
public final class DefinitionParser {

    static final Pattern FORM_ID = Pattern.compile("[a-z][a-z0-9-]{1,60}");
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final Pattern ROW_KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** Bounds what one definition may hold, so that a hostile file cannot exhaust memory. */
    static final int MAX_CHARS = 2_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FORM_FIELDS = Set.of("$schema", "id", "version", "title", "description", "sections", "rules", "upgrade");
    private static final Set<String> SECTION_FIELDS = Set.of("id", "title", "visibleIf", "items");
    private static final Set<String> INDICATOR_FIELDS = Set.of("code", "label", "hint", "type", "unit", "required", "min", "max",
            "pattern", "options", "computed", "visibleIf");
    private static final Set<String> TABLE_FIELDS = Set.of("table", "label", "hint", "visibleIf", "rows", "columns");
    private static final Set<String> RULE_FIELDS = Set.of("id", "check", "message", "severity", "fields");

    private final List<String> problems = new ArrayList<>();
    private final JsonReads read = new JsonReads(problems);

    private DefinitionParser() {
    }

    public static FormDefinition parse(String json) throws DefinitionException {
        if (json == null || json.isBlank()) {
            throw new DefinitionException(List.of("the file is empty"));
        }
        if (json.length() > MAX_CHARS) {
            throw new DefinitionException(List.of("the file is larger than " + MAX_CHARS / 1_000_000 + " million characters"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DefinitionException(List.of("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        DefinitionParser parser = new DefinitionParser();
        FormDefinition definition = parser.form(root);
        if (!parser.problems.isEmpty()) {
            throw new DefinitionException(parser.problems);
        }
        return definition;
    }

    /** The form id and version of a definition, read leniently: to name a file that does not parse. */
    public static String describe(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            return root.path("id").asText("?") + "@" + root.path("version").asText("?");
        } catch (JsonProcessingException | RuntimeException e) {
            return "?";
        }
    }

    private FormDefinition form(JsonNode root) {
        if (!root.isObject()) {
            problems.add("the definition must be a JSON object");
            return null;
        }
        read.unknown(root, FORM_FIELDS, "");
        String id = read.matching(root, "id", FORM_ID, "", true);
        int version = 0;
        if (!root.path("version").canConvertToInt() || !root.path("version").isIntegralNumber() || root.path("version").asInt() < 1) {
            problems.add("version: a whole number of at least 1 is required");
        } else {
            version = root.path("version").asInt();
        }
        Text title = read.text(root, "title", "", true);
        Text description = read.text(root, "description", "", false);
        List<Section> sections = new ArrayList<>();
        JsonNode sectionNodes = root.path("sections");
        if (!sectionNodes.isArray() || sectionNodes.isEmpty()) {
            problems.add("sections: at least one section is required");
        } else {
            for (int i = 0; i < sectionNodes.size(); i++) {
                Section section = section(sectionNodes.get(i), "sections[" + i + "]");
                if (section != null) {
                    sections.add(section);
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode ruleNodes = root.path("rules");
        if (!ruleNodes.isMissingNode() && !ruleNodes.isArray()) {
            problems.add("rules: must be a list");
        } else {
            for (int i = 0; i < ruleNodes.size(); i++) {
                Rule rule = rule(ruleNodes.get(i), "rules[" + i + "]");
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        Upgrade upgrade = upgrade(root.path("upgrade"), version);
        if (!problems.isEmpty() || title == null) {
            return null;
        }
        return new FormDefinition(id, version, title, description, sections, rules, upgrade);
    }

    private Section section(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path + ": a section must be an object");
            return null;
        }
        read.unknown(node, SECTION_FIELDS, path);
        String id = read.matching(node, "id", CODE, path, true);
        Text title = read.text(node, "title", path, true);
        String visibleIf = read.expression(node, "visibleIf", path);
        List<SectionItem> items = new ArrayList<>();
        JsonNode itemNodes = node.path("items");
        if (!itemNodes.isArray() || itemNodes.isEmpty()) {
            problems.add(path + ".items: at least one indicator or table is required");
        } else {
            for (int i = 0; i < itemNodes.size(); i++) {
                JsonNode item = itemNodes.get(i);
                String itemPath = path + ".items[" + i + "]";
                SectionItem parsed = item.has("table") ? table(item, itemPath) : indicator(item, itemPath, INDICATOR_FIELDS);
                if (parsed != null) {
                    items.add(parsed);
                }
            }
        }
        return title == null ? null : new Section(id, title, visibleIf, items);
    }

    private Indicator indicator(JsonNode node, String path, Set<String> fields) {
        if (!node.isObject()) {
            problems.add(path + ": an indicator must be an object");
            return null;
        }
        read.unknown(node, fields, path);
        String code = read.matching(node, "code", CODE, path, true);
        Text label = read.text(node, "label", path, true);
        Text hint = read.text(node, "hint", path, false);
        IndicatorType type = null;
        String typeName = node.path("type").asText(null);
        if (typeName == null) {
            problems.add(path + ".type: required (integer, decimal, percent, text, choice, multi-choice, date, boolean, file)");
        } else {
            type = IndicatorType.fromJson(typeName).orElse(null);
            if (type == null) {
                problems.add(path + ".type: unknown type '" + typeName + "'");
            }
        }
        String unit = read.string(node, "unit", path);
        boolean required = read.bool(node, "required", path);
        BigDecimal min = read.number(node, "min", path);
        BigDecimal max = read.number(node, "max", path);
        String pattern = read.string(node, "pattern", path);
        List<Option> options = new ArrayList<>();
        JsonNode optionNodes = node.path("options");
        if (!optionNodes.isMissingNode()) {
            if (!optionNodes.isArray()) {
                problems.add(path + ".options: must be a list");
            } else {
                for (int i = 0; i < optionNodes.size(); i++) {
                    JsonNode option = optionNodes.get(i);
                    String optionPath = path + ".options[" + i + "]";
                    read.unknown(option, Set.of("value", "label"), optionPath);
                    String value = option.path("value").asText(null);
                    Text optionLabel = read.text(option, "label", optionPath, true);
                    if (value == null || value.isBlank()) {
                        problems.add(optionPath + ".value: required");
                    } else if (optionLabel != null) {
                        options.add(new Option(value, optionLabel));
                    }
                }
            }
        }
        String computed = read.expression(node, "computed", path);
        String visibleIf = read.expression(node, "visibleIf", path);
        if (code == null || label == null || type == null) {
            return null;
        }
        return new Indicator(code, label, hint, type, unit, required, min, max, pattern, options, computed, visibleIf);
    }

    private Table table(JsonNode node, String path) {
        read.unknown(node, TABLE_FIELDS, path);
        String code = read.matching(node, "table", CODE, path, true);
        Text label = read.text(node, "label", path, true);
        Text hint = read.text(node, "hint", path, false);
        String visibleIf = read.expression(node, "visibleIf", path);
        Rows rows = rows(node.path("rows"), path + ".rows");
        List<Indicator> columns = new ArrayList<>();
        JsonNode columnNodes = node.path("columns");
        if (!columnNodes.isArray() || columnNodes.isEmpty()) {
            problems.add(path + ".columns: at least one column is required");
        } else {
            for (int i = 0; i < columnNodes.size(); i++) {
                Indicator column = indicator(columnNodes.get(i), path + ".columns[" + i + "]", INDICATOR_FIELDS);
                if (column != null) {
                    columns.add(column);
                }
            }
        }
        if (code == null || label == null || rows == null || columns.isEmpty()) {
            return null;
        }
        return new Table(code, label, hint, rows, columns, visibleIf);
    }

    private Rows rows(JsonNode node, String path) {
        if (!node.isObject() || node.size() == 0) {
            problems.add(path + ": required: {\"fixed\": [...]}, {\"breakdown\": \"GRADES\"} or {\"open\": true}");
            return null;
        }
        if (node.has("fixed")) {
            read.unknown(node, Set.of("fixed"), path);
            List<RowSpec> fixed = new ArrayList<>();
            JsonNode rowNodes = node.path("fixed");
            if (!rowNodes.isArray() || rowNodes.isEmpty()) {
                problems.add(path + ".fixed: at least one row is required");
                return null;
            }
            for (int i = 0; i < rowNodes.size(); i++) {
                String rowPath = path + ".fixed[" + i + "]";
                read.unknown(rowNodes.get(i), Set.of("key", "label"), rowPath);
                String key = read.matching(rowNodes.get(i), "key", ROW_KEY, rowPath, true);
                Text label = read.text(rowNodes.get(i), "label", rowPath, true);
                if (key != null && label != null) {
                    if (fixed.stream().anyMatch(r -> r.key().equals(key))) {
                        problems.add(rowPath + ".key: '" + key + "' appears twice");
                    }
                    fixed.add(new RowSpec(key, label));
                }
            }
            return new Rows(Rows.Kind.FIXED, fixed, null, null);
        }
        if (node.has("breakdown")) {
            read.unknown(node, Set.of("breakdown"), path);
            String name = node.path("breakdown").asText("");
            try {
                return new Rows(Rows.Kind.BREAKDOWN, null, Breakdown.valueOf(name), null);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".breakdown: unknown breakdown '" + name + "' (GRADES, PROGRAMME_LEVEL, STUDY_FORM, STRUCTURAL_UNIT)");
                return null;
            }
        }
        if (node.has("open")) {
            read.unknown(node, Set.of("open", "maxRows"), path);
            if (!node.path("open").asBoolean(false)) {
                problems.add(path + ".open: must be true");
                return null;
            }
            Integer maxRows = null;
            if (node.has("maxRows")) {
                if (!node.path("maxRows").isIntegralNumber() || node.path("maxRows").asInt() < 1 || node.path("maxRows").asInt() > 10_000) {
                    problems.add(path + ".maxRows: a whole number from 1 to 10000");
                } else {
                    maxRows = node.path("maxRows").asInt();
                }
            }
            return new Rows(Rows.Kind.OPEN, null, null, maxRows);
        }
        problems.add(path + ": required: {\"fixed\": [...]}, {\"breakdown\": \"GRADES\"} or {\"open\": true}");
        return null;
    }

    private Rule rule(JsonNode node, String path) {
        if (!node.isObject()) {
            problems.add(path + ": a rule must be an object");
            return null;
        }
        read.unknown(node, RULE_FIELDS, path);
        String id = read.matching(node, "id", CODE, path, true);
        String check = read.expression(node, "check", path);
        if (check == null) {
            problems.add(path + ".check: required");
        }
        Text message = read.text(node, "message", path, true);
        Severity severity = null;
        String severityName = node.path("severity").asText("");
        if (severityName.equals("error")) {
            severity = Severity.ERROR;
        } else if (severityName.equals("warning")) {
            severity = Severity.WARNING;
        } else {
            problems.add(path + ".severity: 'error' or 'warning' is required");
        }
        List<String> fields = new ArrayList<>();
        JsonNode fieldNodes = node.path("fields");
        if (!fieldNodes.isMissingNode()) {
            if (!fieldNodes.isArray()) {
                problems.add(path + ".fields: must be a list of indicator codes or cell keys");
            } else {
                fieldNodes.forEach(f -> fields.add(f.asText()));
            }
        }
        if (id == null || check == null || message == null || severity == null) {
            return null;
        }
        return new Rule(id, check, message, severity, fields);
    }

    private Upgrade upgrade(JsonNode node, int version) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        read.unknown(node, Set.of("from", "rename", "remove"), "upgrade");
        int from = node.path("from").asInt(0);
        if (!node.path("from").isIntegralNumber() || from < 1 || (version > 0 && from >= version)) {
            problems.add("upgrade.from: an earlier version of this form is required");
        }
        Map<String, String> rename = new LinkedHashMap<>();
        JsonNode renameNode = node.path("rename");
        if (!renameNode.isMissingNode()) {
            if (!renameNode.isObject()) {
                problems.add("upgrade.rename: must map old codes to new codes");
            } else {
                renameNode.fields().forEachRemaining(e -> rename.put(e.getKey(), e.getValue().asText()));
            }
        }
        List<String> remove = new ArrayList<>();
        JsonNode removeNode = node.path("remove");
        if (!removeNode.isMissingNode()) {
            if (!removeNode.isArray()) {
                problems.add("upgrade.remove: must be a list of codes");
            } else {
                removeNode.forEach(r -> remove.add(r.asText()));
            }
        }
        return new Upgrade(from, rename, remove);
    }
}
