package org.oko.analytics.internal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oko.analytics.internal.clusters.ClusterModel;
import org.oko.analytics.internal.clusters.ClusterModelType;
import org.oko.analytics.internal.flags.FlagRules;
import org.oko.analytics.internal.flags.FlagRulesType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped catalogue, cluster models and flag rules are valid, the catalogue has at least 30 indicators, and every input names a
 * field the shipped МИАС forms have (an indicator, a computed value, or a cell of a table with such a row and column).
 */
class ShippedFilesTest {

    private static final Path SPECS = Path.of("src/main/resources/OKO-INF/specs");
    private static final Map<String, List<String>> BREAKDOWNS = Map.of("PROGRAMME_LEVEL", List.of("noo", "ooo", "soo"),
            "STUDY_FORM", List.of("full_time", "part_time", "distance"));

    @Test
    void theCatalogueIsValidAndEveryInputIsAFieldOfAShippedForm() throws IOException {
        Catalogue catalogue = CatalogueType.parse(Files.readString(SPECS.resolve("analytics.catalogue/region.json")));
        assertEquals(List.of(), catalogue.problems());
        assertTrue(catalogue.indicators().size() >= 30, "at least 30 indicators");
        Map<String, Set<String>> fields = fields();
        List<String> unknown = new ArrayList<>();
        catalogue.indicators().forEach(i -> i.inputs().values().forEach(input -> {
            int dot = input.indexOf('.');
            if (!fields.getOrDefault(input.substring(0, dot), Set.of()).contains(input.substring(dot + 1))) {
                unknown.add(i.code() + ": " + input);
            }
        }));
        assertEquals(List.of(), unknown, "inputs that no shipped form has");
        Set<String> themes = new HashSet<>();
        catalogue.indicators().forEach(i -> themes.add(i.theme()));
        assertTrue(themes.size() >= 8, "the federal list's themes: " + themes);
    }

    @Test
    void theClusterModelsAreValidAndUseTheCataloguesIndicators() throws IOException {
        Catalogue catalogue = CatalogueType.parse(Files.readString(SPECS.resolve("analytics.catalogue/region.json")));
        try (Stream<Path> files = Files.list(SPECS.resolve("analytics.clusters"))) {
            for (Path file : files.toList()) {
                ClusterModel model = ClusterModelType.parse(Files.readString(file));
                assertEquals(List.of(), model.problems(), file.toString());
                model.indicators().forEach(w -> assertTrue(catalogue.indicator(w.code()).isPresent(), file + ": " + w.code()));
            }
        }
    }

    /** formId → the keys its shipped definition has: items' codes and every table cell key. */
    private static Map<String, Set<String>> fields() throws IOException {
        Map<String, Set<String>> fields = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> modules = Files.list(Path.of("../../form-definitions"))) {
            for (Path module : modules.toList()) {
                Path forms = module.resolve("src/main/resources/OKO-INF/forms");
                if (!Files.isDirectory(forms)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(forms)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                        JsonNode form = json.readTree(file.toFile());
                        Set<String> keys = fields.computeIfAbsent(form.get("id").asText(), f -> new HashSet<>());
                        for (JsonNode section : form.get("sections")) {
                            for (JsonNode item : section.get("items")) {
                                if (item.has("code")) {
                                    keys.add(item.get("code").asText());
                                } else if (item.has("table")) {
                                    List<String> rows = new ArrayList<>();
                                    JsonNode spec = item.get("rows");
                                    if (spec.has("fixed")) {
                                        spec.get("fixed").forEach(r -> rows.add(r.get("key").asText()));
                                    } else if (spec.has("breakdown")) {
                                        rows.addAll(BREAKDOWNS.getOrDefault(spec.get("breakdown").asText(), List.of()));
                                    }
                                    item.get("columns").forEach(c -> rows.forEach(r -> keys.add(item.get("table").asText() + "." + c.get("code").asText()
                                            + "[" + r + "]")));
                                }
                            }
                        }
                    }
                }
            }
        }
        return fields;
    }

    @Test
    void theFlagRulesAreValidAndUseTheCataloguesIndicators() throws IOException {
        Catalogue catalogue = CatalogueType.parse(Files.readString(SPECS.resolve("analytics.catalogue/region.json")));
        FlagRules rules = FlagRulesType.parse(Files.readString(SPECS.resolve("analytics.flags/region.json")));
        assertEquals(List.of(), rules.problems());
        assertEquals(catalogue.key(), rules.catalogue());
        assertEquals(List.of("low-results", "social", "non-objective", "risk-zone"), rules.rules().stream().map(FlagRules.Rule::key).toList());
        rules.rules().stream().filter(r -> r.conditions() != null).flatMap(r -> r.conditions().stream()).filter(c -> c.indicator() != null)
                .forEach(c -> assertTrue(catalogue.indicator(c.indicator()).isPresent(), c.indicator()));
    }
}
