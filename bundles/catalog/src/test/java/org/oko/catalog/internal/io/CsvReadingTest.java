package org.oko.catalog.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.RowError;
import org.oko.catalog.api.SettlementType;

class CsvReadingTest {

    @Test
    void readsWindows1251() {
        String text = TestFiles.HEADER + "\r\n"
                + "000123;Образовательная организация;МБОУ «Берёзовская СОШ»;01;Муниципальная;0100;Сельская;"
                + "НОО, ООО, СОО;6601234567;Действующая;\r\n";

        ParsedFile file = TestFiles.read(text.getBytes(Charset.forName("windows-1251")));

        assertEquals(FileFormat.CSV, file.format());
        assertEquals(List.of(), file.errors());
        Organisation school = file.rows().get(0).organisation();
        assertEquals("000123", school.code());
        assertEquals("МБОУ «Берёзовская СОШ»", school.fullName());
        assertEquals("МБОУ «Берёзовская СОШ»", school.shortName(), "short name defaults to the full name");
        assertEquals(FounderType.MUNICIPAL, school.founderType());
        assertEquals(SettlementType.RURAL, school.settlementType());
        assertEquals(Set.of(EducationLevel.values()), school.levels());
        assertEquals(OrganisationStatus.ACTIVE, school.status());
        assertEquals("01", file.rows().get(0).territoryCode());
    }

    /** A file broken off inside its last row: a row error naming what is missing, never empty cells. */
    @Test
    void aRowCutShortIsARowError() {
        String text = "Код ОО;Полное наименование;Код территории;Тип учредителя\n"
                + "000123;Школа № 1;01;Частная\n"
                + "000124;Школа № 2\n";

        ParsedFile file = TestFiles.read(text.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(new RowError(3, "Код территории",
                "В строке нет столбцов «Код территории», «Тип учредителя» (ячеек 2 из 4): строка оборвана")), file.errors());
        assertEquals(1, file.rows().size());
    }

    @Test
    void readsUtf8WithBomAndCommas() {
        byte[] body = ("Код ОО,Полное наименование,Территория\n"
                + "7,\"Школа №7, с углублённым изучением\",Город Озёрск\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);

        ParsedFile file = TestFiles.read(bytes);

        assertEquals(List.of(), file.errors());
        ParsedRow row = file.rows().get(0);
        assertEquals("7", row.organisation().code(), "the BOM must not spoil the first header");
        assertEquals("Школа №7, с углублённым изучением", row.organisation().fullName());
        assertEquals("Город Озёрск", row.territoryName());
        assertNull(row.territoryCode());
    }

    @Test
    void readsUtf8WithoutBom() {
        // No BOM: the encoding is told from the bytes (the same text read as Windows-1251 would be mojibake).
        byte[] bytes = (TestFiles.HEADER + "\n"
                + "000124;Образовательная организация;МАОУ «Озёрская гимназия № 2»;02;Государственная (ГОО);;Городская;"
                + "ООО, СОО;;Действующая;\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes[0] != (byte) 0xEF, "no BOM in the file");

        ParsedFile file = TestFiles.read(bytes);

        assertEquals(FileFormat.CSV, file.format());
        assertEquals(List.of(), file.errors());
        Organisation school = file.rows().get(0).organisation();
        assertEquals("000124", school.code());
        assertEquals("МАОУ «Озёрская гимназия № 2»", school.fullName());
        assertEquals(FounderType.STATE, school.founderType());
        assertEquals(SettlementType.CITY, school.settlementType());
        assertEquals(Set.of(EducationLevel.OOO, EducationLevel.SOO), school.levels());
        assertEquals("02", file.rows().get(0).territoryCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {";", ","})
    void detectsDelimiter(String delimiter) {
        String text = String.join(delimiter, "Код ОО", "Полное наименование", "Код территории", "Статус",
                "Дата закрытия") + "\n" + String.join(delimiter, "15", "Школа 15", "02", "Закрыта", "31.08.2023") + "\n";

        ParsedFile file = TestFiles.read(text);

        assertEquals(List.of(), file.errors());
        Organisation school = file.rows().get(0).organisation();
        assertEquals("Школа 15", school.fullName());
        assertEquals(OrganisationStatus.CLOSED, school.status());
        assertEquals(LocalDate.of(2023, 8, 31), school.closedOn());
    }

    @Test
    void quotedLineBreaksKeepRowNumbersOfRecords() {
        String text = "Код ОО;Полное наименование;Адрес;ИНН;Код территории\r\n"
                + "1;\"Школа \"\"Радуга\"\"\";\"с. Берёзовка,\r\nул. Мира, 1\r\nкорпус 2\";;01\r\n"
                + "\r\n"
                + "2;Школа 2;;12345;01\r\n";

        ParsedFile file = TestFiles.read(text);

        Organisation first = file.rows().get(0).organisation();
        assertEquals("Школа \"Радуга\"", first.fullName());
        assertEquals("с. Берёзовка,\r\nул. Мира, 1\r\nкорпус 2", first.address());
        assertEquals(2, file.rows().get(0).row());
        // Header 1, school 1 is row 2 despite its three lines, the blank line is row 3.
        assertEquals(List.of(new RowError(4, "ИНН", "ИНН должен состоять из 10 или 12 цифр: «12345»")), file.errors());
    }

    @Test
    void acceptsHeaderAliasesInAnyCaseWithStars() {
        String text = "  код   организации* ;НАИМЕНОВАНИЕ*;Сокращенное наименование;муниципалитет;Примечание\n"
                + "42;Гимназия № 42;Гимназия 42;Берёзовский муниципальный район;что угодно\n";

        ParsedFile file = TestFiles.read(text);

        assertEquals(List.of(), file.errors());
        ParsedRow row = file.rows().get(0);
        assertEquals("42", row.organisation().code());
        assertEquals("Гимназия 42", row.organisation().shortName());
        assertEquals("Берёзовский муниципальный район", row.territoryName());
        assertEquals(OrganisationKind.SCHOOL, row.organisation().kind(), "an empty kind means a school");
    }

    @Test
    void acceptsShortFormsAndEnumNames() {
        String text = "Код ОО;Тип организации;Полное наименование;Код территории;Тип учредителя;Тип местности;"
                + "Уровни образования;Статус;Дата закрытия\n"
                + "1;MUNICIPAL_AUTHORITY;УО;01;ГОО;город;ноо;Закрыт;2024-01-31\n"
                + "2;other;Центр;01;state;село;НОО;действует;\n";

        ParsedFile file = TestFiles.read(text);

        assertEquals(List.of(), file.errors());
        Organisation first = file.rows().get(0).organisation();
        assertEquals(OrganisationKind.MUNICIPAL_AUTHORITY, first.kind());
        assertEquals(FounderType.STATE, first.founderType());
        assertEquals(SettlementType.CITY, first.settlementType());
        assertEquals(OrganisationStatus.CLOSED, first.status());
        assertEquals(LocalDate.of(2024, 1, 31), first.closedOn());
        Organisation second = file.rows().get(1).organisation();
        assertEquals(OrganisationKind.OTHER, second.kind());
        assertEquals(SettlementType.RURAL, second.settlementType());
        assertEquals(OrganisationStatus.ACTIVE, second.status());
    }

    @Test
    void reportsDuplicateCodesAtTheirSecondOccurrence() {
        String text = "Код ОО;Полное наименование;Код территории\n"
                + "100;Школа А;01\n200;Школа Б;01\n100;Школа В;01\n";

        ParsedFile file = TestFiles.read(text);

        assertEquals(List.of(new RowError(4, "Код ОО", "Код 100 уже встречался в строке 2")), file.errors());
        assertEquals(List.of("Школа А", "Школа Б"), file.rows().stream().map(r -> r.organisation().fullName()).toList());
    }

    @Test
    void missingRequiredColumnsGiveOneErrorNamingEach() {
        ParsedFile file = TestFiles.read("Наименование ОО;ИНН;Адрес\nШкола;6601234567;село\n");

        assertEquals(List.of(), file.rows());
        assertEquals(1, file.errors().size());
        RowError error = file.errors().get(0);
        assertEquals(1, error.row());
        assertTrue(error.message().contains("«Код ОО»"), error.message());
        assertTrue(error.message().contains("«Полное наименование»"), error.message());
        assertTrue(error.message().contains("«Код территории» или «Территория»"), error.message());
    }

    @Test
    void reportsEveryValueErrorOfARow() {
        String text = TestFiles.HEADER + "\n"
                + "5;Школа-интернат;Школа 5;01;Муниципальная;0100;Горная;НОО, ВПО;66012345;Закрыта;\n"
                + "6;;Школа 6;01;;;;;;;01.09.2020\n"
                + "7;;Школа 7;01;;;;;;Закрыта;31.02.2021\n"
                + ";;;01;;;;;;;\n";

        ParsedFile file = TestFiles.read(text);

        assertEquals(List.of(
                new RowError(2, "Тип организации", "Значение «Школа-интернат» не подходит; допустимые значения: "
                        + "Образовательная организация, Муниципальный орган управления образованием, "
                        + "Министерство образования, Региональный центр оценки качества образования, Иная организация"),
                new RowError(2, "Тип местности", "Значение «Горная» не подходит; допустимые значения: Городская, Сельская"),
                new RowError(2, "Уровни образования", "Уровни «НОО, ВПО» не распознаны; пишите через запятую: НОО, ООО, СОО"),
                new RowError(2, "ИНН", "ИНН должен состоять из 10 или 12 цифр: «66012345»"),
                new RowError(2, "Дата закрытия", "Для закрытой организации укажите дату закрытия"),
                new RowError(3, "Дата закрытия",
                        "Дата закрытия указана, а статус не «Закрыта»: исправьте статус или уберите дату"),
                new RowError(4, "Дата закрытия", "Дата «31.02.2021» не распознана; ожидается ДД.ММ.ГГГГ или ГГГГ-ММ-ДД"),
                new RowError(5, "Код ОО", "Не указан код организации"),
                new RowError(5, "Полное наименование", "Не указано полное наименование")),
                file.errors());
        assertTrue(file.hasErrors(2));
        assertEquals(List.of("5", "6", "7"), file.rows().stream().map(r -> r.organisation().code()).toList());
    }

    @Test
    void badOgrnIsAnError() {
        ParsedFile file = TestFiles.read("Код ОО;Полное наименование;Код территории;ОГРН\n1;Школа;01;1026600000011\n"
                + "2;Школа 2;01;10266000000\n3;Школа 3;01;304660000000011\n");

        assertEquals(List.of(new RowError(3, "ОГРН", "ОГРН должен состоять из 13 цифр (ОГРНИП — из 15): «10266000000»")),
                file.errors());
        assertEquals("1026600000011", file.rows().get(0).organisation().ogrn());
        assertEquals("304660000000011", file.rows().get(2).organisation().ogrn());
    }

    @Test
    void unbalancedQuoteIsAFileError() {
        CatalogException e = assertThrows(CatalogException.class,
                () -> TestFiles.read("Код ОО;Полное наименование;Код территории\n1;\"Школа;01\n"));

        assertTrue(e.getMessage().contains("CSV"), e.getMessage());
    }
}
