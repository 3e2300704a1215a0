package org.oko.itests.catalog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.oko.itests.support.OkoContainerTest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalog through its REST API in the real distribution: a catalogue imported from a
 * Windows-1251 CSV and read back, search, paging, concurrent edits, closing, subtrees, an
 * all-or-nothing import, and export → import changing nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CatalogIT extends OkoContainerTest {

    @Inject
    private SessionFactory sessionFactory;

    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final String HEADER = "Код ОО;Тип организации;Полное наименование;Краткое наименование;Код территории;"
            + "Тип учредителя;Код учредителя;Тип местности;Уровни образования;ИНН;Адрес;Код головной организации";

    @Test
    public void importedCatalogueReadsBackSearchesAndExportsUnchanged() throws Exception {
        createTerritory("T1", "Берёзовский муниципальный район", "MUNICIPAL_DISTRICT");
        createTerritory("T2", "Городской округ Новоградск", "CITY_DISTRICT");

        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add("A100;Муниципальный орган управления образованием;Управление образования Берёзовского района;"
                + "УО Берёзовского района;T1;;;;;;;");
        rows.add("A200;Муниципальный орган управления образованием;Комитет образования Новоградска;КО Новоградска;T2;;;;;;;");
        for (int i = 1; i <= 30; i++) {
            String code = String.format("T1%03d", i);
            rows.add(code + ";;\"Муниципальное бюджетное общеобразовательное учреждение \"\"Средняя школа № " + i
                    + " с. Берёзовка\"\"\";МБОУ СОШ № " + i + " с. Берёзовка;T1;Муниципальная;A100;Сельская;НОО, ООО, СОО;"
                    + String.format("64%08d", i) + ";\"с. Берёзовка,\nул. Школьная, " + i + "\";");
        }
        rows.add("T1900;;Филиал МБОУ СОШ № 1 в д. Ключи;Филиал СОШ № 1;T1;Муниципальная;A100;Сельская;НОО;;;T1001");
        rows.add("T2001;;Гимназия № 1 г. Новоградска;Гимназия № 1;T2;Муниципальная;A200;Городская;НОО, ООО, СОО;;;");
        rows.add("T2002;;Частное общеобразовательное учреждение «Логос»;ЧОУ «Логос»;T2;Частная;;Городская;НОО, ООО;;;");
        byte[] csv = String.join("\r\n", rows).getBytes(CP1251);

        JsonNode dryRun = importFile(csv, true);
        assertTrue(dryRun.get("dryRun").asBoolean());
        assertFalse(dryRun.get("applied").asBoolean());
        assertEquals(dryRun.toString(), 35, dryRun.get("created").asInt());
        assertEquals(0, total("/api/catalog/organisations?territory=T1"));

        JsonNode applied = importFile(csv, false);
        assertTrue(applied.toString(), applied.get("applied").asBoolean());
        assertEquals(35, applied.get("created").asInt());

        JsonNode school = json(get("/api/catalog/organisations/T1005"));
        assertEquals("Муниципальное бюджетное общеобразовательное учреждение \"Средняя школа № 5 с. Берёзовка\"",
                school.get("fullName").asText());
        assertEquals("MUNICIPAL", school.get("founderType").asText());
        assertEquals("A100", school.get("founderCode").asText());
        assertEquals("RURAL", school.get("settlementType").asText());
        assertEquals("6400000005", school.get("inn").asText());
        assertEquals("с. Берёзовка,\nул. Школьная, 5", school.get("address").asText());
        assertEquals(3, school.get("levels").size());

        // Search: case-insensitive, ё = е, every word must match; paging.
        assertEquals(30, total("/api/catalog/organisations?q=" + enc("БЕРЕЗОВКА сош")));
        assertEquals(1, total("/api/catalog/organisations?q=" + enc("№ 17 березовка")));
        JsonNode page = json(get("/api/catalog/organisations?territory=T1&kind=SCHOOL&page=1&size=10"));
        assertEquals(31, page.get("total").asInt());
        assertEquals(10, page.get("items").size());
        assertEquals("T1011", page.get("items").get(0).get("code").asText());
        assertEquals(400, get("/api/catalog/organisations?size=100000").statusCode());

        // Filters by founder type and by founder, alone and together.
        JsonNode privateSchools = json(get("/api/catalog/organisations?territory=T2&founderType=PRIVATE"));
        assertEquals(privateSchools.toString(), 1, privateSchools.get("total").asInt());
        assertEquals("T2002", privateSchools.get("items").get(0).get("code").asText());
        assertEquals(1, total("/api/catalog/organisations?territory=T2&founderType=MUNICIPAL"));
        assertEquals(0, total("/api/catalog/organisations?territory=T1&founderType=PRIVATE"));
        assertEquals("30 schools and a branch", 31, total("/api/catalog/organisations?founder=A100"));
        JsonNode byA200 = json(get("/api/catalog/organisations?founder=A200"));
        assertEquals(byA200.toString(), 1, byA200.get("total").asInt());
        assertEquals("T2001", byA200.get("items").get(0).get("code").asText());
        assertEquals(0, total("/api/catalog/organisations?founder=A200&founderType=PRIVATE"));

        // Subtrees for access control.
        JsonNode founded = json(get("/api/catalog/organisations/A100/subtree"));
        assertEquals(32, founded.size());
        assertEquals(32, json(get("/api/catalog/territories/T1/organisations")).size());

        // A concurrent edit is refused, not overwritten.
        Map<String, Object> edit = JSON.convertValue(school, LinkedHashMap.class);
        edit.put("shortName", "МБОУ СОШ № 5 (новое имя)");
        assertEquals(200, sendJson("PUT", "/api/catalog/organisations/T1005", edit).statusCode());
        edit.put("shortName", "Чужая правка по старой версии");
        HttpResponse<String> conflict = sendJson("PUT", "/api/catalog/organisations/T1005", edit);
        assertEquals(409, conflict.statusCode());
        assertTrue(conflict.body(), json(conflict).get("message").asText().contains("изменена другим пользователем"));
        assertEquals("МБОУ СОШ № 5 (новое имя)", json(get("/api/catalog/organisations/T1005")).get("shortName").asText());

        // Closing keeps the organisation addressable.
        long version = json(get("/api/catalog/organisations/T1030")).get("version").asLong();
        HttpResponse<String> closed = sendJson("POST", "/api/catalog/organisations/T1030/close",
                Map.of("closedOn", "2025-08-31", "successorCode", "T1029", "version", version));
        assertEquals(closed.body(), 200, closed.statusCode());
        JsonNode closedSchool = json(get("/api/catalog/organisations/T1030"));
        assertEquals("CLOSED", closedSchool.get("status").asText());
        assertEquals("2025-08-31", closedSchool.get("closedOn").asText());
        assertEquals(30, total("/api/catalog/organisations?territory=T1&kind=SCHOOL&status=ACTIVE"));

        // Export → import changes nothing, in both formats.
        long inCatalog = total("/api/catalog/organisations?size=1");
        for (String format : List.of("xlsx", "csv")) {
            HttpResponse<byte[]> export = getBytes("/api/catalog/export?format=" + format);
            assertEquals(200, export.statusCode());
            assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("." + format));
            JsonNode again = importFile(export.body(), true);
            assertEquals(again.toString(), 0, again.get("errors").size());
            assertEquals(again.toString(), 0, again.get("created").asInt() + again.get("changed").asInt());
            assertEquals(inCatalog, again.get("unchanged").asLong());
        }
    }

    @Test
    public void fileWithAnyBadRowChangesNothing() throws Exception {
        createTerritory("T7", "Ольховский муниципальный округ", "MUNICIPAL_OKRUG");
        String good = "B001;Образовательная организация;Школа один;Школа 1;T7;Частная;;Городская;НОО;;;";
        String unknownTerritory = "B002;Образовательная организация;Школа два;Школа 2;XX;Частная;;Городская;НОО;;;";
        String badInn = "B003;Образовательная организация;Школа три;Школа 3;T7;Частная;;Городская;НОО;12345;;";
        byte[] csv = String.join("\n", HEADER, good, unknownTerritory, badInn).getBytes(StandardCharsets.UTF_8);

        JsonNode report = importFile(csv, false);
        assertFalse(report.get("applied").asBoolean());
        List<Integer> errorRows = new ArrayList<>();
        report.get("errors").forEach(e -> errorRows.add(e.get("row").asInt()));
        assertTrue(report.toString(), errorRows.contains(3) && errorRows.contains(4));
        assertEquals(404, get("/api/catalog/organisations/B001").statusCode());
    }

    /**
     * A centre's own list, not our export: its headers («Тип поселения», «Уровни», «Муниципальное
     * образование» by name), no founder codes, settlement types missing for some, names with quotes,
     * ';' and «имени …», codes with leading zeros. It goes in as it is: each municipal school's founder is
     * its territory's education authority, a missing settlement type is a warning, and every value is
     * stored exactly as the file has it.
     */
    @Test
    public void aRegionsOwnListGoesInAsItIs() throws Exception {
        createTerritory("RL", "Рябиновский муниципальный район", "MUNICIPAL_DISTRICT");
        HttpResponse<String> authority = sendJson("POST", "/api/catalog/organisations", Map.of("code", "RL-UO",
                "kind", "MUNICIPAL_AUTHORITY", "fullName", "Управление образования Рябиновского района", "shortName", "УО Рябиновского",
                "territoryCode", "RL", "levels", List.of(), "status", "ACTIVE", "version", 0));
        assertEquals(authority.body(), 201, authority.statusCode());
        String csv = "Код ОО;Полное наименование;Краткое наименование;Тип учредителя;Муниципальное образование;Тип поселения;"
                + "Уровни;ИНН;Адрес\n"
                + "0070001;\"МБОУ \"\"СОШ № 1 имени А. С. Пушкина\"\"\";МБОУ СОШ № 1;Муниципальная;"
                + "Рябиновский муниципальный район;Городская;НОО, ООО, СОО;6670000001;\"г. Рябиновск; ул. Ленина, 1\"\n"
                + "0070002;МКОУ «Основная школа д. Ключи»;МКОУ ОШ д. Ключи;Муниципальная;рябиновский муниципальный район;;НОО, ООО;;\n"
                + "0070003;ЧОУ «Школа „Лицей“»;ЧОУ «Лицей»;Частная;Рябиновский муниципальный район;Сельская местность;НОО;;\n";

        JsonNode checked = importFile(csv.getBytes(StandardCharsets.UTF_8), true);
        assertEquals(checked.toString(), 0, checked.get("errors").size());
        assertEquals(3, checked.get("created").asInt());
        List<String> warnings = new ArrayList<>();
        checked.get("warnings").forEach(w -> warnings.add(w.get("row").asInt() + " " + w.get("message").asText()));
        assertTrue(warnings.toString(), warnings.contains("2 Учредитель не указан: назначен орган управления образованием территории, код RL-UO"));
        assertTrue(warnings.toString(), warnings.stream().anyMatch(w -> w.startsWith("3 Не указан тип местности")));
        assertEquals(warnings.toString(), 3, warnings.size());

        JsonNode applied = importFile(csv.getBytes(StandardCharsets.UTF_8), false);
        assertTrue(applied.toString(), applied.get("applied").asBoolean());
        JsonNode first = json(get("/api/catalog/organisations/0070001"));
        assertEquals("МБОУ \"СОШ № 1 имени А. С. Пушкина\"", first.get("fullName").asText());
        assertEquals("RL-UO", first.get("founderCode").asText());
        assertEquals("RL", first.get("territoryCode").asText());
        assertEquals("CITY", first.get("settlementType").asText());
        assertEquals("г. Рябиновск; ул. Ленина, 1", first.get("address").asText());
        assertEquals(3, first.get("levels").size());
        JsonNode second = json(get("/api/catalog/organisations/0070002"));
        assertEquals("МКОУ «Основная школа д. Ключи»", second.get("fullName").asText());
        assertTrue(second.toString(), second.get("settlementType").isNull());
        JsonNode third = json(get("/api/catalog/organisations/0070003"));
        assertEquals("ЧОУ «Школа „Лицей“»", third.get("fullName").asText());
        assertEquals("RURAL", third.get("settlementType").asText());
        assertTrue(third.toString(), third.get("founderCode").isNull());
    }

    /**
     * A region's first import: the territories its list names are unknown to the catalog. The check
     * lists them (as errors unless their creation is asked for); asked for, they are created with an
     * education authority each, which becomes the founder of their municipal schools.
     */
    @Test
    public void aFirstImportCreatesTheTerritoriesTheListNames() throws Exception {
        String csv = "Код ОО;Полное наименование;Тип учредителя;Муниципальное образование;Тип поселения;Уровни\n"
                + "0080001;МБОУ «СОШ № 1 имени В. И. Даля»;Муниципальная;Клюквенский муниципальный район;Сельская;НОО, ООО\n"
                + "0080002;МБОУ «СОШ № 2»;Муниципальная;Клюквенский муниципальный район;Сельская;НОО\n"
                + "0080003;МАОУ «Гимназия»;Муниципальная;Городской округ Морошкин;Городская;НОО, ООО, СОО\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        JsonNode plain = importFile(file, true);
        List<String> unknown = new ArrayList<>();
        plain.get("errors").forEach(e -> {
            if (e.get("message").asText().startsWith("Неизвестная территория")) {
                unknown.add(e.get("row").asText());
            }
        });
        assertEquals(plain.toString(), List.of("2", "3", "4"), unknown);
        assertEquals(plain.toString(), 2, plain.get("newTerritories").size());

        HttpResponse<String> checked = send("POST", "/api/catalog/import?name=first.csv&dryRun=true&createTerritories=true",
                "text/csv", file);
        JsonNode check = json(checked);
        assertEquals(check.toString(), 0, check.get("errors").size());
        assertEquals(3, check.get("created").asInt());
        assertEquals("a check writes nothing", 404, get("/api/catalog/organisations/0080001").statusCode());

        JsonNode applied = json(send("POST", "/api/catalog/import?name=first.csv&createTerritories=true", "text/csv", file));
        assertTrue(applied.toString(), applied.get("applied").asBoolean());
        Map<String, JsonNode> territories = new LinkedHashMap<>();
        applied.get("newTerritories").forEach(t -> territories.put(t.get("name").asText(), t));
        JsonNode district = territories.get("Клюквенский муниципальный район");
        JsonNode city = territories.get("Городской округ Морошкин");
        assertEquals("MUNICIPAL_DISTRICT", district.get("type").asText());
        assertEquals("CITY_DISTRICT", city.get("type").asText());
        JsonNode school = json(get("/api/catalog/organisations/0080001"));
        assertEquals("МБОУ «СОШ № 1 имени В. И. Даля»", school.get("fullName").asText());
        assertEquals(district.get("code").asText(), school.get("territoryCode").asText());
        assertEquals(district.get("authorityCode").asText(), school.get("founderCode").asText());
        JsonNode authority = json(get("/api/catalog/organisations/" + district.get("authorityCode").asText()));
        assertEquals("MUNICIPAL_AUTHORITY", authority.get("kind").asText());
        assertEquals(city.get("authorityCode").asText(), json(get("/api/catalog/organisations/0080003")).get("founderCode").asText());
        assertEquals("its two schools and its authority", 3,
                total("/api/catalog/organisations?size=1&territory=" + district.get("code").asText()));

        // The same file again: everything known now, nothing new.
        JsonNode again = importFile(file, true);
        assertEquals(again.toString(), 0, again.get("errors").size());
        assertEquals(0, again.get("newTerritories").size());
        assertEquals(3, again.get("unchanged").asInt());
    }

    /**
     * A column only this region's files have is mapped by the person importing; the import reports how
     * it read every column, and the next file with that header gets the same mapping without asking.
     */
    @Test
    public void aColumnMappingIsChosenOnceAndOfferedForTheNextFile() throws Exception {
        createTerritory("CHM", "Черничный муниципальный округ", "MUNICIPAL_OKRUG");
        String csv = "Код ОО;Наименование учреждения;Учредитель (вид);Код территории;Тип поселения;Телефон приёмной\n"
                + "0090001;ЧОУ «Черничная школа»;Частная;CHM;Сельская;+7 900 000 00 01\n";
        JsonNode unmapped = importFile(csv.getBytes(StandardCharsets.UTF_8), true);
        Map<String, String> read = new LinkedHashMap<>();
        unmapped.get("columns").forEach(c -> read.put(c.get("header").asText(), c.get("source").asText() + ":" + c.get("column").asText()));
        assertEquals(unmapped.toString(), "NONE:null", read.get("Наименование учреждения"));
        assertEquals("STANDARD:SETTLEMENT_TYPE", read.get("Тип поселения"));
        assertFalse(unmapped.toString(), unmapped.get("errors").isEmpty());

        String mapping = java.net.URLEncoder.encode("{\"Наименование учреждения\":\"FULL_NAME\",\"Учредитель (вид)\":\"FOUNDER_TYPE\","
                + "\"Телефон приёмной\":\"\"}", StandardCharsets.UTF_8);
        JsonNode mapped = json(send("POST", "/api/catalog/import?name=cm.csv&columns=" + mapping, "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertTrue(mapped.toString(), mapped.get("applied").asBoolean());
        assertEquals("ЧОУ «Черничная школа»", json(get("/api/catalog/organisations/0090001")).get("fullName").asText());

        String next = "Код ОО;наименование  учреждения;Учредитель (вид);Код территории;Тип поселения;Телефон приёмной\n"
                + "0090002;ЧОУ «Вторая черничная школа»;Частная;CHM;Сельская;+7 900 000 00 02\n";
        JsonNode again = importFile(next.getBytes(StandardCharsets.UTF_8), false);
        assertTrue(again.toString(), again.get("applied").asBoolean());
        Map<String, String> remembered = new LinkedHashMap<>();
        again.get("columns").forEach(c -> remembered.put(c.get("header").asText(), c.get("source").asText() + ":" + c.get("column").asText()));
        assertEquals("REMEMBERED:FULL_NAME", remembered.get("наименование  учреждения"));
        assertEquals("REMEMBERED:null", remembered.get("Телефон приёмной"));
        assertEquals("PRIVATE", json(get("/api/catalog/organisations/0090002")).get("founderType").asText());

        HttpResponse<String> bad = send("POST", "/api/catalog/import?name=cm.csv&dryRun=true&columns=%7Bnot", "text/csv",
                next.getBytes(StandardCharsets.UTF_8));
        assertEquals(bad.body(), 400, bad.statusCode());
        JsonNode columns = json(get("/api/catalog/columns"));
        assertEquals("CODE", columns.get(0).get("id").asText());
        assertTrue(columns.get(0).get("required").asBoolean());
    }

    /**
     * Contacts (phone, e-mail, website) beside the organisation: imported with it all or nothing, exported and imported
     * back unchanged, written through REST by the centre, the founder and the school itself within their scope, guarded
     * by their version, and shown on the public card with no login.
     */
    @Test
    public void contactsAreImportedGuardedAndShownOnThePublicCard() throws Exception {
        createTerritory("KT", "Кедровый муниципальный район", "MUNICIPAL_DISTRICT");
        String header = "Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Код учредителя;Тип местности;"
                + "Телефон;Эл. почта;Сайт\n";
        String rows = "KTA;Муниципальный орган управления образованием;Управление образования Кедрового района;KT;;;;;;\n"
                + "KT001;;Кедровая школа № 1;KT;Муниципальная;KTA;Сельская;+7 (3452) 00-70-01;kt001@example.ru;https://kt001.example.ru\n"
                + "KT002;;Кедровая школа № 2;KT;Муниципальная;KTA;Сельская;8 3452 00-70-02;kt002@example.ru;\n";

        // One bad e-mail refuses the whole file, with the row and the column.
        JsonNode refused = importFile((header + rows + "KT003;;Кедровая школа № 3;KT;Муниципальная;KTA;Сельская;;kt003.example.ru;\n")
                .getBytes(StandardCharsets.UTF_8), false);
        assertFalse(refused.toString(), refused.get("applied").asBoolean());
        assertEquals(refused.toString(), 1, refused.get("errors").size());
        JsonNode error = refused.get("errors").get(0);
        assertEquals(5, error.get("row").asInt());
        assertEquals("Эл. почта", error.get("column").asText());
        assertTrue(error.toString(), error.get("message").asText().contains("«kt003.example.ru»"));
        assertEquals(404, get("/api/catalog/organisations/KT001").statusCode());

        JsonNode applied = importFile((header + rows).getBytes(StandardCharsets.UTF_8), false);
        assertTrue(applied.toString(), applied.get("applied").asBoolean());
        JsonNode first = json(get("/api/catalog/organisations/KT001/contacts"));
        assertEquals("+7 (3452) 00-70-01", first.get("phone").asText());
        assertEquals("kt001@example.ru", first.get("email").asText());
        assertEquals("https://kt001.example.ru", first.get("website").asText());
        long version = first.get("version").asLong();
        assertTrue(json(get("/api/catalog/organisations/KT002/contacts")).get("website").isNull());
        assertEquals("none stored yet", 0, json(get("/api/catalog/organisations/KTA/contacts")).get("version").asLong());

        // The export carries them; imported back, nothing changes.
        byte[] export = getBytes("/api/catalog/export?format=csv&territory=KT").body();
        assertTrue(new String(export, StandardCharsets.UTF_8).contains(";kt001@example.ru;https://kt001.example.ru"));
        JsonNode again = importFile(export, true);
        assertEquals(again.toString(), 0, again.get("errors").size() + again.get("created").asInt() + again.get("changed").asInt());

        // The school's own coordinator writes its contacts; another school's are not there for it.
        String password = "Кедр-2026-пароль";
        account("kt.school", "KT001", "SCHOOL_COORDINATOR", password);
        WebSession school = login("kt.school", password);
        HttpResponse<String> own = sendJson(school, "PUT", "/api/catalog/organisations/KT001/contacts",
                Map.of("phone", "+7 (3452) 00-70-11", "email", "kt001@example.ru", "website", "https://kt001.example.ru", "version", version));
        assertEquals(own.body(), 200, own.statusCode());
        assertEquals(version + 1, json(own).get("version").asLong());
        HttpResponse<String> foreign = sendJson(school, "PUT", "/api/catalog/organisations/KT002/contacts",
                Map.of("phone", "+7 (3452) 00-00-00", "version", 1));
        assertEquals(foreign.body(), 404, foreign.statusCode());
        // The founder writes its schools' contacts.
        account("kt.founder", "KTA", "FOUNDER_COORDINATOR", password);
        HttpResponse<String> founder = sendJson(login("kt.founder", password), "PUT", "/api/catalog/organisations/KT002/contacts",
                Map.of("phone", "8 3452 00-70-22", "email", "kt002@example.ru", "version", 1));
        assertEquals(founder.body(), 200, founder.statusCode());

        // A write with the version read before the school's change is refused, not applied.
        HttpResponse<String> stale = sendJson("PUT", "/api/catalog/organisations/KT001/contacts",
                Map.of("phone", "+7 (3452) 00-00-99", "version", version));
        assertEquals(stale.body(), 409, stale.statusCode());
        assertEquals("+7 (3452) 00-70-11", json(get("/api/catalog/organisations/KT001/contacts")).get("phone").asText());
        // A website that is not http(s) is refused naming the field.
        HttpResponse<String> script = sendJson("PUT", "/api/catalog/organisations/KT001/contacts",
                Map.of("website", "javascript:alert(1)", "version", version + 1));
        assertEquals(script.body(), 400, script.statusCode());
        assertEquals("website", json(script).get("field").asText());
        assertTrue(script.body(), json(script).get("messages").get("en").asText().contains("http:// or https://"));

        // The public card shows them with no login (the catalogue reads the catalog at most every 10 s).
        JsonNode card = json(awaitBody(WebSession.NONE, "/api/public/schools/KT001", "+7 (3452) 00-70-11"));
        assertEquals(String.valueOf(card), "+7 (3452) 00-70-11", card.get("phone").asText());
        assertEquals("kt001@example.ru", card.get("email").asText());
        assertEquals("https://kt001.example.ru", card.get("website").asText());
    }

    @Test
    public void oversizedUploadIsRefusedWithAClearMessage() throws Exception {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpResponse<String> response = send("POST", "/api/catalog/import?name=big.csv", "text/csv", big);
        assertEquals(response.body(), 400, response.statusCode());
        assertTrue(response.body(), json(response).get("message").asText().contains("20"));
    }

    @Test
    public void shellCommandsCreateShowUpdateCloseAndList() throws Exception {
        String saved = execute("oko:territory-save S1 CITY_DISTRICT \"Городской округ Шелл\"");
        assertTrue(saved, saved.contains("Городской округ Шелл"));
        String created = execute("oko:catalog-create --name \"Частная школа «Эрудит»\" --territory S1"
                + " --founder-type PRIVATE --settlement CITY --levels NOO,OOO --inn 6400000100 S100");
        assertTrue(created, created.contains("Частная школа «Эрудит»") && created.contains("НОО, ООО"));
        String updated = execute("oko:catalog-update --short-name \"ЧОУ Эрудит\" --address \"г. Шелл, ул. Тестовая, 1\" S100");
        assertTrue(updated, updated.contains("ЧОУ Эрудит") && updated.contains("ул. Тестовая"));
        String closed = execute("oko:catalog-close S100 31.08.2025");
        assertTrue(closed, closed.contains("Закрыта 31.08.2025"));
        String list = execute("oko:catalog-list -t S1 -q эрудит");
        assertTrue(list, list.contains("S100") && list.contains("CLOSED") && list.contains("из 1"));
        String shown = execute("oko:catalog-show S100");
        assertTrue(shown, shown.contains("ИНН:") && shown.contains("6400000100"));
        assertEquals("ЧОУ Эрудит", json(get("/api/catalog/organisations/S100")).get("shortName").asText());

        // Import from a file: the dry run writes nothing, the real one writes, row errors by number.
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("oko-shell", ".csv");
        java.nio.file.Path xlsx = java.nio.file.Files.createTempFile("oko-shell", ".xlsx");
        try {
            java.nio.file.Files.writeString(csv, String.join("\n",
                    "Код ОО;Полное наименование;Код территории;Тип учредителя;Тип местности",
                    "S201;Частная школа «Шелл-1»;S1;Частная;Городская",
                    "S202;Частная школа «Шелл-2»;S1;Частная;Городская"), StandardCharsets.UTF_8);
            String dryRun = execute("oko:catalog-import --dry-run " + csv);
            assertTrue(dryRun, dryRun.contains("Строк: 2; новых: 2, изменённых: 0") && dryRun.contains("Пробный прогон"));
            assertEquals(404, get("/api/catalog/organisations/S201").statusCode());
            String imported = execute("oko:catalog-import " + csv);
            assertTrue(imported, imported.contains("новых: 2") && imported.contains("Изменения записаны."));
            assertEquals("Частная школа «Шелл-2»", json(get("/api/catalog/organisations/S202")).get("fullName").asText());
            java.nio.file.Files.writeString(csv, "Код ОО;Полное наименование;Код территории\nS203;Школа;НЕТ", StandardCharsets.UTF_8);
            String refused = execute("oko:catalog-import " + csv);
            assertTrue(refused, refused.contains("Строка 2") && refused.contains("ничего не записано"));
            assertEquals(404, get("/api/catalog/organisations/S203").statusCode());

            // Export → import through the console changes nothing.
            java.nio.file.Files.delete(xlsx);
            String exported = execute("oko:catalog-export " + xlsx);
            assertTrue(exported, exported.contains("Выгружено в " + xlsx));
            assertTrue(xlsx + " written", java.nio.file.Files.size(xlsx) > 1000);
            String again = execute("oko:catalog-import --dry-run " + xlsx);
            assertTrue(again, again.contains("новых: 0, изменённых: 0") && again.contains("ошибок: 0"));
        } finally {
            java.nio.file.Files.deleteIfExists(csv);
            java.nio.file.Files.deleteIfExists(xlsx);
        }
    }

    private String execute(String command) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        // As an SSH login would: the console session runs inside the administrator's JAAS subject.
        javax.security.auth.Subject admin = new javax.security.auth.Subject();
        admin.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("admin"));
        try {
            Object result = javax.security.auth.Subject.doAs(admin,
                    (java.security.PrivilegedExceptionAction<Object>) () -> session.execute(command));
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void createTerritory(String code, String name, String type) throws Exception {
        HttpResponse<String> response = sendJson("POST", "/api/catalog/territories",
                Map.of("code", code, "name", name, "type", type, "version", 0));
        assertEquals(response.body(), 201, response.statusCode());
    }

    private static JsonNode importFile(byte[] content, boolean dryRun) throws Exception {
        HttpResponse<String> response = send("POST", "/api/catalog/import?name=test&dryRun=" + dryRun,
                "application/octet-stream", content);
        assertEquals(response.body(), 200, response.statusCode());
        return json(response);
    }

    private static long total(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(response.body(), 200, response.statusCode());
        return json(response).get("total").asLong();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
