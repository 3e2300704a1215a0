package org.oko.catalog.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.RowOutcome;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.api.Territory;

/** Export then import gives back the same organisations: what users edit in Excel comes back intact. */
class RoundTripTest {

    private static final List<Organisation> CATALOG = List.of(
            TestFiles.authority(),
            new Organisation("000001", OrganisationKind.MINISTRY, "Министерство образования области", "Минобр",
                    null, null, null, null, Set.of(), "6600000001", "1036600000001", null,
                    OrganisationStatus.ACTIVE, null, null, null, 0),
            new Organisation("012345", OrganisationKind.SCHOOL, "МБОУ \"Средняя школа № 5; корпус 2\"",
                    "СШ № 5", FounderType.MUNICIPAL, "0100", "01", SettlementType.RURAL,
                    Set.of(EducationLevel.SOO, EducationLevel.NOO, EducationLevel.OOO), "660100000012", null,
                    "с. Берёзовка,\nул. Мира, д. 5", OrganisationStatus.ACTIVE, null, null, null, 0),
            new Organisation("012346", OrganisationKind.SCHOOL, "Филиал МБОУ СШ № 5 в д. Ключи", "Филиал СШ № 5",
                    FounderType.MUNICIPAL, "0100", "01", SettlementType.RURAL, Set.of(EducationLevel.NOO),
                    null, null, null, OrganisationStatus.ACTIVE, null, "012345", null, 0),
            new Organisation("020001", OrganisationKind.SCHOOL, "ГБОУ \"Лицей-интернат\"", "Лицей-интернат",
                    FounderType.STATE, "000001", "02", SettlementType.CITY, Set.of(EducationLevel.OOO),
                    null, null, null, OrganisationStatus.CLOSED, LocalDate.of(2023, 8, 31), null, "012345", 0),
            new Organisation("020002", OrganisationKind.SCHOOL, "ЧОУ «Ёлочка»", "Ёлочка", FounderType.PRIVATE,
                    null, "02", SettlementType.CITY, Set.of(), null, "304660000000011", null,
                    OrganisationStatus.ACTIVE, null, null, null, 0),
            // Text that Excel would run as a formula if a CSV cell began with it.
            new Organisation("020003", OrganisationKind.SCHOOL, "=HYPERLINK(\"http://example.invalid\";\"Школа\")", "@Школа",
                    FounderType.PRIVATE, null, "02", SettlementType.CITY, Set.of(), null, null, "+7 ул. Мира, 1",
                    OrganisationStatus.ACTIVE, null, null, null, 0));

    private static final Map<String, Territory> TERRITORIES = TestFiles.TERRITORIES.stream()
            .collect(Collectors.toMap(Territory::code, Function.identity()));

    private static byte[] export(FileFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CatalogFileWriter().write(format, CATALOG, TERRITORIES, out);
        return out.toByteArray();
    }

    private static ParsedFile reimport(FileFormat format) throws IOException {
        return new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES)
                .read("export." + format.extension(), new ByteArrayInputStream(export(format)));
    }

    @Test
    void csvCellsThatExcelWouldRunAsFormulasAreWrittenAsText() throws IOException {
        String csv = new String(export(FileFormat.CSV), StandardCharsets.UTF_8);
        assertTrue(csv.contains(";\"'=HYPERLINK(") || csv.contains(";'=HYPERLINK("), csv);
        assertTrue(csv.contains(";'@Школа;"), csv);
        assertTrue(!csv.contains(";=HYPERLINK") && !csv.contains(";\"=HYPERLINK") && !csv.contains(";@Школа"), csv);
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void exportThenImportGivesTheSameOrganisations(FileFormat format) throws IOException {
        ParsedFile file = reimport(format);

        assertEquals(format, file.format());
        assertEquals(List.of(), file.errors());
        assertEquals(CATALOG, file.rows().stream().map(ParsedRow::organisation).toList());
        assertEquals("Берёзовский муниципальный район", file.rows().get(0).territoryName());
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void reimportAgainstTheOriginalsChangesNothing(FileFormat format) throws IOException {
        Map<String, Organisation> stored = CATALOG.stream()
                .collect(Collectors.toMap(Organisation::code, o -> ImportPlanner.withVersion(o, 4)));

        ImportPlanner.Plan plan = new ImportPlanner().plan(reimport(format),
                code -> Optional.ofNullable(stored.get(code)), territory -> List.of(), TestFiles.TERRITORIES, false);

        assertEquals(List.of(), plan.report().errors());
        assertEquals(CATALOG.size(), plan.report().unchanged());
        assertTrue(plan.report().outcomes().stream().allMatch(o -> o.action() == RowOutcome.Action.UNCHANGED));
        assertEquals(List.of(), plan.toSave());
    }

    @Test
    void csvIsUtf8WithBomSemicolonsAndCrlf() throws IOException {
        byte[] csv = export(FileFormat.CSV);

        assertEquals(0xEF, csv[0] & 0xFF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Код ОО;Тип организации;Полное наименование;"), text);
        assertTrue(text.contains("\"МБОУ \"\"Средняя школа № 5; корпус 2\"\"\""), text);
        assertTrue(text.contains(";Закрыта;31.08.2023;"), text);
        assertTrue(text.contains(";НОО, ООО, СОО;"), text);
        assertEquals(CATALOG.size() + 1, text.split("\r\n(?=\\d{4})").length, "records end with CRLF");
    }

    @Test
    void xlsxKeepsCodesAsTextAndDatesAsDates() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export(FileFormat.XLSX)))) {
            XSSFSheet sheet = workbook.getSheet("Организации");
            Cell code = sheet.getRow(3).getCell(0);
            assertEquals(CellType.STRING, code.getCellType());
            assertEquals("012345", code.getStringCellValue());
            assertEquals("@", code.getCellStyle().getDataFormatString());
            Cell closedOn = sheet.getRow(5).getCell(CatalogColumns.CLOSED_ON.ordinal());
            assertEquals(CellType.NUMERIC, closedOn.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(closedOn));
            assertEquals("dd.mm.yyyy", closedOn.getCellStyle().getDataFormatString());
            assertTrue(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(sheet.getCTWorksheet().isSetAutoFilter());
        }
    }
}
