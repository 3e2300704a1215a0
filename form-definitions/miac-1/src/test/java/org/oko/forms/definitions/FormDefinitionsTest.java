package org.oko.forms.definitions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Text;
import org.oko.forms.internal.definition.DefinitionException;
import org.oko.forms.internal.definition.DefinitionParser;
import org.oko.forms.internal.eval.DefinitionChecker;
import org.oko.forms.internal.eval.Evaluation;
import org.oko.forms.internal.eval.FormEvaluator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every definition the form modules here ship (this one and its siblings under form-definitions/) is
 * valid against the published JSON Schema and is taken by the platform's own parser and checker; the broken samples are refused by both. The МИАС 1
 * form is also filled once, correctly and wrongly, through the server's evaluator.
 */
class FormDefinitionsTest {

    private static final Path FORMS = Path.of("src/main/resources/OKO-INF/forms");
    private static final Path BROKEN = Path.of("src/test/resources/broken");
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(read(Path.of("../schema/form-definition.schema.json")));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every definition of every form module here (form-definitions/*): one check for all, run in this module's build. */
    static Stream<Path> shipped() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            return modules.map(m -> m.resolve(FORMS)).filter(Files::isDirectory).toList().stream().flatMap(forms -> {
                try (Stream<Path> files = Files.list(forms)) {
                    return files.filter(p -> p.toString().endsWith(".json")).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted();
        }
    }

    static Stream<Path> broken() throws IOException {
        return Files.list(BROKEN).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void shippedDefinitionsAreValid(Path file) throws Exception {
        Set<ValidationMessage> schemaErrors = SCHEMA.validate(JSON.readTree(read(file)));
        assertTrue(schemaErrors.isEmpty(), file + ": " + schemaErrors);
        FormDefinition definition = DefinitionParser.parse(read(file));
        assertEquals(List.of(), DefinitionChecker.check(definition), file.toString());
    }

    @ParameterizedTest
    @MethodSource("broken")
    void brokenDefinitionsAreRefusedByTheSchemaAndByTheParser(Path file) {
        String json = read(file);
        assertFalse(SCHEMA.validate(readTree(json)).isEmpty(), file + " passes the schema");
        assertTrue(refusedByThePlatform(json), file + " passes the parser and the checker");
    }

    /** What the registry does with a definition: parse, then check expressions and references. */
    private static boolean refusedByThePlatform(String json) {
        try {
            return !DefinitionChecker.check(DefinitionParser.parse(json)).isEmpty();
        } catch (DefinitionException refused) {
            return true;
        }
    }

    /** Every form module's samples (src/test/resources/samples/&lt;form&gt;.json): its definition and its sample file. */
    static Stream<Path> samples() throws IOException {
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            return modules.map(m -> m.resolve("src/test/resources/samples")).filter(Files::isDirectory).toList().stream().flatMap(folder -> {
                try (Stream<Path> files = Files.list(folder)) {
                    return files.filter(p -> p.toString().endsWith(".json")).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted();
        }
    }

    /**
     * A form filled with its sample's valid values has no message and is complete; the same with the sample's one
     * invalid change is refused by the rule the sample names, as an error. The sample:
     * {"valid": {key: value}, "invalid": {"change": {key: value}, "rule": id}, "units": [{"key", "label"}]}.
     */
    @ParameterizedTest
    @MethodSource("samples")
    void everyFormTakesItsValidSampleAndItsRuleRefusesTheInvalidOne(Path sample) throws Exception {
        String formId = sample.getFileName().toString().replace(".json", "");
        Path module = sample.getParent().getParent().getParent().getParent().getParent();
        FormDefinition form = DefinitionParser.parse(read(module.resolve(FORMS).resolve(formId + ".json")));
        com.fasterxml.jackson.databind.JsonNode json = readTree(read(sample));
        List<RowSpec> units = new java.util.ArrayList<>();
        if (json.has("units")) {
            json.get("units").forEach(u -> units.add(new RowSpec(u.get("key").asText(), Text.of(u.get("label").asText()))));
        }
        Map<String, Object> values = values(json.get("valid"));
        Evaluation valid = new FormEvaluator().evaluate(form, values, units);
        assertEquals(List.of(), valid.messages(), formId + ": the valid sample");
        assertEquals(100, valid.completionPercent(), formId + ": the valid sample is complete");
        values.putAll(values(json.get("invalid").get("change")));
        Evaluation invalid = new FormEvaluator().evaluate(form, values, units);
        String rule = json.get("invalid").get("rule").asText();
        assertTrue(invalid.messages().stream().anyMatch(m -> m.ruleId() != null && m.ruleId().equals(rule)), formId + ": " + invalid.messages());
        assertTrue(invalid.hasErrors(), formId + ": the invalid sample is an error");
    }

    /** A sample's values as the evaluator takes them: numbers as BigDecimal, lists of texts, booleans, texts. */
    private static Map<String, Object> values(com.fasterxml.jackson.databind.JsonNode node) {
        Map<String, Object> values = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            com.fasterxml.jackson.databind.JsonNode v = e.getValue();
            Object value = v.isNumber() ? v.decimalValue() : v.isBoolean() ? v.asBoolean() : v.isArray()
                    ? java.util.stream.StreamSupport.stream(v.spliterator(), false).map(com.fasterxml.jackson.databind.JsonNode::asText).toList()
                    : v.isNull() ? null : v.asText();
            values.put(e.getKey(), value);
        });
        return values;
    }

    @Test
    void miac1FilledCorrectlyHasNoErrorsAndIsComplete() throws Exception {
        FormDefinition form = DefinitionParser.parse(read(FORMS.resolve("miac-1.json")));
        Evaluation evaluation = new FormEvaluator().evaluate(form, filled(), List.of());
        assertEquals(List.of(), evaluation.messages());
        assertEquals(100, evaluation.completionPercent());
        assertEquals(new BigDecimal("22.0"), evaluation.computed().get("class_size_avg"));
        assertEquals(new BigDecimal("25.0"), evaluation.computed().get("share_highest"));
        assertTrue(evaluation.hidden().contains("branches"), "no branches: the section is hidden");
    }

    @Test
    void miac1CatchesInconsistentNumbers() throws Exception {
        FormDefinition form = DefinitionParser.parse(read(FORMS.resolve("miac-1.json")));
        Map<String, Object> values = filled();
        values.put("pupils_total", new BigDecimal(250));
        values.put("teachers_highest", new BigDecimal(30));
        values.put("shifts", new BigDecimal(3));
        Evaluation evaluation = new FormEvaluator().evaluate(form, values, List.of());
        List<String> rules = evaluation.messages().stream().map(m -> m.ruleId()).toList();
        assertTrue(rules.containsAll(List.of("grades_add_up", "study_forms_add_up", "categories_within_total", "third_shift")), rules.toString());
        assertTrue(evaluation.hasErrors());
    }

    @Test
    void branchesAreAskedForOnlyWhenThereAreBranches() throws Exception {
        FormDefinition form = DefinitionParser.parse(read(FORMS.resolve("miac-1.json")));
        Map<String, Object> values = filled();
        values.put("has_branches", true);
        List<RowSpec> units = List.of(new RowSpec("9901001", Text.of("Головная")), new RowSpec("9901001-1", Text.of("Филиал")));
        Evaluation missing = new FormEvaluator().evaluate(form, values, units);
        assertTrue(missing.completionPercent() < 100);
        values.put("units.pupils[9901001]", new BigDecimal(200));
        values.put("units.pupils[9901001-1]", new BigDecimal(20));
        Evaluation complete = new FormEvaluator().evaluate(form, values, units);
        assertEquals(100, complete.completionPercent(), complete.messages().toString());
        assertEquals(List.of(), complete.messages());
    }

    /** A school of 220 pupils in 10 classes (grades 1–10, 22 each), 20 teachers. */
    private static Map<String, Object> filled() {
        Map<String, Object> values = new HashMap<>();
        values.put("settlement", "rural");
        values.put("programmes", List.of("noo", "ooo"));
        values.put("shifts", BigDecimal.ONE);
        values.put("has_branches", false);
        values.put("pupils_total", new BigDecimal(220));
        values.put("classes_total", new BigDecimal(10));
        for (int grade = 1; grade <= 11; grade++) {
            boolean taught = grade <= 10;
            values.put("by_grade.classes[" + grade + "]", new BigDecimal(taught ? 1 : 0));
            values.put("by_grade.pupils[" + grade + "]", new BigDecimal(taught ? 22 : 0));
            values.put("by_grade.girls[" + grade + "]", new BigDecimal(taught ? 11 : 0));
        }
        values.put("by_study_form.pupils[full_time]", new BigDecimal(218));
        values.put("by_study_form.pupils[part_time]", BigDecimal.ZERO);
        values.put("by_study_form.pupils[distance]", new BigDecimal(2));
        values.put("teachers_total", new BigDecimal(20));
        values.put("teachers_highest", new BigDecimal(5));
        values.put("teachers_first", new BigDecimal(8));
        values.put("teachers_under_35", new BigDecimal(4));
        values.put("teachers_pensioners", new BigDecimal(6));
        values.put("gym", true);
        values.put("library", true);
        values.put("canteen", true);
        values.put("internet_100", false);
        values.put("computers_for_learning", new BigDecimal(30));
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
