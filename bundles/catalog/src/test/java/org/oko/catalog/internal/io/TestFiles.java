package org.oko.catalog.internal.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.api.Territory;
import org.oko.catalog.api.TerritoryType;

/** Input files and catalog data the io tests share. */
final class TestFiles {

    static final String HEADER = "Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;"
            + "Код учредителя;Тип местности;Уровни образования;ИНН;Статус;Дата закрытия";

    static final Territory BEREZOVSKY = new Territory("01", "Берёзовский муниципальный район",
            TerritoryType.MUNICIPAL_DISTRICT, 1);
    static final Territory CITY = new Territory("02", "Город Озёрск", TerritoryType.CITY_DISTRICT, 1);
    static final List<Territory> TERRITORIES = List.of(BEREZOVSKY, CITY);

    private TestFiles() {
    }

    static ParsedFile read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static ParsedFile read(byte[] bytes) {
        try {
            return new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES)
                    .read("test.csv", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook whose first sheet holds the given rows; String, Number and LocalDate cells, null for none. */
    static byte[] xlsx(Object[]... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Лист1");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    Cell cell = row.createCell(c);
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A municipal school of Берёзовский район founded by the municipal authority "0100". */
    static Organisation school(String code, String name) {
        return new Organisation(code, OrganisationKind.SCHOOL, name, name, FounderType.MUNICIPAL, "0100", "01",
                SettlementType.RURAL, Set.of(EducationLevel.NOO, EducationLevel.OOO), null, null, null,
                OrganisationStatus.ACTIVE, null, null, null, 0);
    }

    static Organisation authority() {
        return new Organisation("0100", OrganisationKind.MUNICIPAL_AUTHORITY, "Управление образования Берёзовского района",
                "УО Берёзовского района", null, null, "01", null, Set.of(), "6601000001", "1026600000011",
                "с. Берёзовка, ул. Ленина, 1", OrganisationStatus.ACTIVE, null, null, null, 0);
    }
}
