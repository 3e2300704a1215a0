package org.oko.compendium.internal.network;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.api.Territory;
import org.oko.compendium.api.Chapter;
import org.oko.compendium.api.ChapterRequest;
import org.oko.compendium.api.ChapterSource;
import org.oko.platform.api.rest.ApiMessage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's own first chapter, from the catalog: the region's open schools per municipality — in towns and in
 * the country, and by the levels of education they run — with a chart of the schools per municipality.
 */
@Component(property = ChapterSource.SOURCE + "=" + NetworkChapter.SOURCE)
public class NetworkChapter implements ChapterSource {

    public static final String SOURCE = "catalog.network";

    @Reference
    private CatalogService catalog;

    @Override
    public ApiMessage title() {
        return TEXTS.text("compendium.network.title");
    }

    @Override
    public Chapter chapter(ChapterRequest request) throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        for (Territory t : catalog.territories()) {
            names.put(t.code(), t.name());
        }
        Map<String, int[]> counts = new TreeMap<>(); // territory → schools, town, country, НОО, ООО, СОО
        int[] total = new int[6];
        for (Organisation school : catalog.regionSchools().values()) {
            if (school.status() != OrganisationStatus.ACTIVE) {
                continue;
            }
            int[] line = counts.computeIfAbsent(school.territoryCode() == null ? "" : school.territoryCode(), k -> new int[6]);
            for (int[] c : List.of(line, total)) {
                c[0]++;
                c[1] += school.settlementType() == SettlementType.CITY ? 1 : 0;
                c[2] += school.settlementType() == SettlementType.RURAL ? 1 : 0;
                c[3] += school.levels().contains(EducationLevel.NOO) ? 1 : 0;
                c[4] += school.levels().contains(EducationLevel.OOO) ? 1 : 0;
                c[5] += school.levels().contains(EducationLevel.SOO) ? 1 : 0;
            }
        }
        List<ApiMessage> columns = List.of(TEXTS.text("compendium.network.schools"), TEXTS.text("compendium.network.town"),
                TEXTS.text("compendium.network.country"), TEXTS.text("compendium.network.noo"), TEXTS.text("compendium.network.ooo"),
                TEXTS.text("compendium.network.soo"));
        List<Chapter.Row> rows = new ArrayList<>();
        List<ApiMessage> categories = new ArrayList<>();
        List<BigDecimal> schools = new ArrayList<>();
        counts.forEach((code, c) -> {
            ApiMessage name = new ApiMessage(names.getOrDefault(code, code), null);
            rows.add(new Chapter.Row(name, values(c)));
            categories.add(name);
            schools.add(BigDecimal.valueOf(c[0]));
        });
        List<Chapter.Block> blocks = new ArrayList<>();
        blocks.add(Chapter.Text.paragraph(TEXTS.text("compendium.network.lead", total[0], counts.size())));
        blocks.add(new Chapter.Table(TEXTS.text("compendium.network.table"), TEXTS.text("compendium.municipality"), columns, rows,
                new Chapter.Row(TEXTS.text("compendium.region"), values(total)), TEXTS.text("compendium.network.note")));
        blocks.add(new Chapter.Chart(TEXTS.text("compendium.network.chart"), Chapter.Chart.BARS, categories,
                List.of(new Chapter.Series(TEXTS.text("compendium.network.schools"), schools)), TEXTS.text("compendium.network.unit")));
        return new Chapter(title(), blocks);
    }

    private static List<Object> values(int[] c) {
        List<Object> values = new ArrayList<>();
        for (int v : c) {
            values.add(v);
        }
        return values;
    }
}
