package org.oko.catalog.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.ImportReport;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.RowError;
import org.oko.catalog.api.RowOutcome;
import org.oko.catalog.api.RowOutcome.Action;
import org.oko.catalog.api.SettlementType;

class ImportPlannerTest {

    private static final String HEADER = "Код ОО;Тип организации;Полное наименование;Краткое наименование;"
            + "Код территории;Территория;Тип учредителя;Код учредителя;Тип местности;Уровни образования;ИНН\n";

    private final ImportPlanner planner = new ImportPlanner();

    private static Function<String, Optional<Organisation>> catalog(Organisation... stored) {
        Map<String, Organisation> byCode = Set.of(stored).stream()
                .collect(Collectors.toMap(Organisation::code, Function.identity()));
        return code -> Optional.ofNullable(byCode.get(code));
    }

    private static Function<String, List<String>> authorities(Organisation... stored) {
        return territory -> Set.of(stored).stream().filter(o -> o.kind() == OrganisationKind.MUNICIPAL_AUTHORITY
                && territory.equals(o.territoryCode())).map(Organisation::code).sorted().toList();
    }

    private ImportPlanner.Plan plan(String rows, Organisation... stored) {
        return planner.plan(TestFiles.read(HEADER + rows), catalog(stored), authorities(stored), TestFiles.TERRITORIES, false);
    }

    @Test
    void plansCreatedChangedAndUnchangedWithChangedHeaders() {
        Organisation authority = ImportPlanner.withVersion(TestFiles.authority(), 3);
        Organisation school = ImportPlanner.withVersion(TestFiles.school("000111", "Школа 111"), 7);

        ImportReport report = plan(
                "0100;Муниципальный орган управления образованием;Управление образования Берёзовского района;"
                        + "УО Берёзовского района;01;;;;;;6601000001\n"
                        + "000111;;Школа 111 имени Пушкина;Школа 111;02;;Муниципальная;0100;Сельская;НОО, ООО;\n"
                        + "000222;;Школа 222;;01;;Частная;;Городская;НОО;\n",
                authority, school).report();

        assertEquals(new ImportReport(false, false, 3, 1, 1, 1, List.of(
                new RowOutcome(2, "0100", Action.UNCHANGED, List.of()),
                new RowOutcome(3, "000111", Action.CHANGED,
                        List.of("Полное наименование", "Код территории")),
                new RowOutcome(4, "000222", Action.CREATED, List.of())), List.of(), List.of(), List.of(), report.columns()), report);
    }

    @Test
    void savesChangedWithTheStoredVersionAndNewWithZero() {
        Organisation stored = ImportPlanner.withVersion(TestFiles.school("000111", "Школа 111"), 7);

        List<Organisation> toSave = plan(
                "000111;;Школа 111 (новое имя);;01;;Муниципальная;0100;Сельская;НОО, ООО;\n"
                        + "0100;Муниципальный орган управления образованием;УО;;01;;;;;;\n"
                        + "000222;;Школа 222;;01;;Частная;;Городская;НОО;\n", stored).toSave();

        assertEquals(3, toSave.size());
        assertEquals(7, toSave.get(0).version());
        assertEquals("Школа 111 (новое имя)", toSave.get(0).fullName());
        assertEquals(0, toSave.get(1).version());
        assertEquals(new Organisation("000222", OrganisationKind.SCHOOL, "Школа 222", "Школа 222",
                FounderType.PRIVATE, null, "01", SettlementType.CITY, Set.of(EducationLevel.NOO), null, null, null,
                OrganisationStatus.ACTIVE, null, null, null, 0), toSave.get(2));
    }

    @Test
    void founderOnlyInTheSameFileIsFound() {
        ImportPlanner.Plan plan = plan(
                "000111;;Школа 111;;01;;Муниципальная;0100;Сельская;НОО;\n"
                        + "0100;Муниципальный орган управления образованием;УО;;01;;;;;;\n");

        assertEquals(List.of(), plan.report().errors());
        assertEquals(2, plan.report().created());
        assertEquals(2, plan.toSave().size());
    }

    @Test
    void resolvesTerritoryByNameIgnoringCaseAndYo() {
        ImportPlanner.Plan plan = plan("000111;;Школа 111;;;БЕРЕЗОВСКИЙ  муниципальный район;Частная;;Сельская;;\n");

        assertEquals(List.of(), plan.report().errors());
        assertEquals("01", plan.toSave().get(0).territoryCode());
    }

    @Test
    void anyErrorEmptiesTheSaveListButCountsStayForGoodRows() {
        ImportPlanner.Plan plan = plan(
                "000111;;Школа 111;;;Нижнегорский район;Частная;;Сельская;;\n"
                        + "000222;;Школа 222;;99;;Частная;;Сельская;;\n"
                        + "000333;;Школа 333;;01;Город Озёрск;Частная;;Сельская;;\n"
                        + "000444;;Школа 444;;01;;Частная;;Сельская;;\n");

        assertEquals(List.of(
                new RowError(2, "Территория", "Неизвестная территория «Нижнегорский район»: её можно создать из файла "
                        + "(подтвердите создание новых территорий)"),
                new RowError(3, "Код территории", "Неизвестная территория «99»"),
                new RowError(4, "Территория", "Территория «Город Озёрск» не совпадает с кодом территории «01» "
                        + "(«Берёзовский муниципальный район»)")), plan.report().errors());
        assertEquals(List.of(), plan.toSave());
        assertFalse(plan.report().applied());
        assertEquals(4, plan.report().rows());
        assertEquals(1, plan.report().created());
    }

    @Test
    void schoolsNeedFounderSettlementAndKnownReferences() {
        ImportPlanner.Plan plan = plan(
                "000111;;Школа 111;;01;;;;;;\n"
                        + "000222;;Школа 222;;01;;Государственная;;Городская;;\n"
                        + "000333;;Школа 333;;01;;Муниципальная;0999;Сельская;;\n"
                        + "0100;Муниципальный орган управления образованием;УО;;;;;;;;\n");

        assertEquals(List.of(
                new RowError(2, "Тип учредителя", "Для образовательной организации укажите тип учредителя"),
                new RowError(3, "Код учредителя", "Для учредителя типа «Государственная (ГОО)» укажите код учредителя"),
                new RowError(4, "Код учредителя", "Организация с кодом 0999 не найдена ни в файле, ни в каталоге"),
                new RowError(5, "Территория", "Укажите территорию: для этого типа организации она обязательна")),
                plan.report().errors());
    }

    /** A region's own list: settlement type missing is a warning; a municipal school's founder is its territory's authority. */
    @Test
    void aMunicipalSchoolWithoutFounderGetsItsTerritorysAuthorityAndNoSettlementIsAWarning() {
        ImportPlanner.Plan plan = plan(
                "000111;;Школа 111;;01;;Муниципальная;;;;\n"
                        + "000222;;Школа 222;;02;;Муниципальная;;Сельская местность;;\n"
                        + "0200;Муниципальный орган управления образованием;УО Озёрска;;02;;;;;;\n"
                        + "000333;;Школа 333;;02;;Муниципальный;;Городской;;\n",
                ImportPlanner.withVersion(TestFiles.authority(), 1));

        assertEquals(List.of(), plan.report().errors());
        assertEquals(List.of(
                new RowError(2, "Код учредителя", "Учредитель не указан: назначен орган управления образованием территории, код 0100"),
                new RowError(2, "Тип местности", "Не указан тип местности (городская или сельская): в разрезах по типу местности "
                        + "организация не учтётся"),
                new RowError(3, "Код учредителя", "Учредитель не указан: назначен орган управления образованием территории, код 0200"),
                new RowError(5, "Код учредителя", "Учредитель не указан: назначен орган управления образованием территории, код 0200")),
                plan.report().warnings());
        Map<String, Organisation> saved = plan.toSave().stream().collect(Collectors.toMap(Organisation::code, Function.identity()));
        assertEquals("0100", saved.get("000111").founderCode());
        assertEquals("0200", saved.get("000333").founderCode());
        assertEquals(SettlementType.RURAL, saved.get("000222").settlementType());
        assertEquals(SettlementType.CITY, saved.get("000333").settlementType());
        assertEquals(FounderType.MUNICIPAL, saved.get("000333").founderType());

        ImportPlanner.Plan two = plan("000444;;Школа 444;;01;;Муниципальная;;Сельская;;\n"
                        + "0101;Муниципальный орган управления образованием;Второе УО;;01;;;;;;\n",
                ImportPlanner.withVersion(TestFiles.authority(), 1));
        assertEquals(List.of(new RowError(2, "Код учредителя", "Для учредителя типа «Муниципальная» укажите код учредителя: "
                + "на территории их несколько (0100, 0101)")), two.report().errors());
    }

    /** A first import into an empty region: territories named by the file are created, each with its education authority. */
    @Test
    void territoriesTheFileNamesAreCreatedWithTheirAuthoritiesWhenAsked() {
        String rows = "000111;;Школа 111;;;Нижнегорский муниципальный район;Муниципальная;;Сельская;;\n"
                + "000222;;Школа 222;;;нижнегорский  муниципальный район;Муниципальная;;Сельская;;\n"
                + "000333;;Школа 333;;;Городской округ Верхний;Частная;;Городская;;\n"
                + "0300;Муниципальный орган управления образованием;УО Верхнего;;;Городской округ Верхний;;;;;\n"
                + "000444;;Школа 444;;;Городской округ Верхний;Муниципальная;;Городская;;\n";
        ImportPlanner.Plan asked = planner.plan(TestFiles.read(HEADER + rows), catalog(), authorities(), TestFiles.TERRITORIES,
                new org.oko.catalog.api.ImportOptions(false, true));

        assertEquals(List.of(), asked.report().errors());
        assertEquals(List.of(
                new org.oko.catalog.api.NewTerritory("T001", "Нижнегорский муниципальный район",
                        org.oko.catalog.api.TerritoryType.MUNICIPAL_DISTRICT, "T001-UO", 2),
                new org.oko.catalog.api.NewTerritory("T002", "Городской округ Верхний", org.oko.catalog.api.TerritoryType.CITY_DISTRICT,
                        null, 3)), asked.report().newTerritories());
        assertEquals(List.of("T001", "T002"), asked.newTerritories().stream().map(org.oko.catalog.api.Territory::code).toList());
        Map<String, Organisation> saved = asked.toSave().stream().collect(Collectors.toMap(Organisation::code, Function.identity()));
        assertEquals(OrganisationKind.MUNICIPAL_AUTHORITY, saved.get("T001-UO").kind());
        assertEquals("T001", saved.get("T001-UO").territoryCode());
        assertEquals("T001-UO", saved.get("000111").founderCode());
        assertEquals("T001", saved.get("000222").territoryCode());
        assertEquals("0300", saved.get("000444").founderCode(), "the file's own authority of the new territory");
        assertEquals("T002", saved.get("0300").territoryCode());

        ImportPlanner.Plan notAsked = planner.plan(TestFiles.read(HEADER + rows), catalog(), authorities(), TestFiles.TERRITORIES, true);
        assertEquals(2, notAsked.report().newTerritories().size(), "listed, so that a check can ask");
        assertEquals(5, notAsked.report().errors().stream().filter(e -> e.message().startsWith("Неизвестная территория")).count());
        assertEquals(List.of(), notAsked.newTerritories());
        assertEquals(List.of(), notAsked.toSave());
    }

    @Test
    void fileErrorsKeepTheirRowOutOfThePlan() {
        ImportPlanner.Plan plan = planner.plan(TestFiles.read(HEADER
                        + "000111;;Школа 111;;01;;Частная;;Сельская;;123\n"
                        + "000222;;Школа 222;;01;;Частная;;Сельская;;\n"),
                catalog(), authorities(), TestFiles.TERRITORIES, true);

        assertTrue(plan.report().dryRun());
        assertEquals(List.of(new RowOutcome(3, "000222", Action.CREATED, List.of())), plan.report().outcomes());
        assertEquals(1, plan.report().errors().size());
        assertEquals(List.of(), plan.toSave());
        assertEquals(2, plan.report().rows());
    }

    @Test
    void branchMayReferToAHeadWithAnErrorWithoutASecondError() {
        ImportPlanner.Plan plan = planner.plan(TestFiles.read("Код ОО;Полное наименование;Код территории;"
                        + "Тип учредителя;Тип местности;ИНН;Код головной организации\n"
                        + "1;Школа;01;Частная;Сельская;12;\n"
                        + "2;Филиал школы;01;Частная;Сельская;;1\n"
                        + "3;Филиал другой школы;01;Частная;Сельская;;4\n"),
                catalog(), authorities(), TestFiles.TERRITORIES, false);

        assertEquals(List.of(2, 4), plan.report().errors().stream().map(RowError::row).toList());
        assertEquals("Код головной организации", plan.report().errors().get(1).column());
    }

    @Test
    void columnsTheFileLacksKeepStoredValues() {
        Organisation closed = new Organisation("0200", OrganisationKind.OTHER, "Дом детского творчества", "ДДТ",
                null, null, "01", null, Set.of(), "6601000002", null, "ул. Садовая, 3",
                OrganisationStatus.CLOSED, LocalDate.of(2020, 12, 31), null, null, 5);

        ImportPlanner.Plan plan = planner.plan(
                TestFiles.read("Код ОО;Полное наименование;Код территории\n0200;Дом творчества;01\n"),
                catalog(closed), authorities(closed), TestFiles.TERRITORIES, false);

        assertEquals(List.of(new RowOutcome(2, "0200", Action.CHANGED, List.of("Полное наименование"))),
                plan.report().outcomes());
        assertEquals(new Organisation("0200", OrganisationKind.OTHER, "Дом творчества", "ДДТ", null, null, "01", null,
                Set.of(), "6601000002", null, "ул. Садовая, 3", OrganisationStatus.CLOSED,
                LocalDate.of(2020, 12, 31), null, null, 5), plan.toSave().get(0));
    }
}
