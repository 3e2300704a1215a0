package org.oko.catalog.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.FileFormat;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.RowError;
import org.oko.catalog.api.RowOutcome;

/** The contacts' columns of an import: read, checked, merged with what is stored, and exported back unchanged. */
class ContactsImportTest {

    private static final String HEADER = "Код ОО;Полное наименование;Код территории;Тип учредителя;Тип местности;Телефон;Эл. почта;Сайт\n";

    private static ImportPlanner.Plan plan(String text, Map<String, Organisation> stored, Map<String, Contacts> contacts) {
        return new ImportPlanner().plan(TestFiles.read(text), code -> Optional.ofNullable(stored.get(code)),
                code -> Optional.ofNullable(contacts.get(code)), territory -> List.of(), TestFiles.TERRITORIES,
                new org.oko.catalog.api.ImportOptions(true, false));
    }

    @Test
    void contactsAreReadAndWrittenWithANewSchool() {
        ImportPlanner.Plan plan = plan(HEADER + "000300;ЧОУ «Школа»;02;Частная;Городская;+7 (3452) 00-30-00;"
                + "school300@example.ru;https://school300.example.ru\n", Map.of(), Map.of());

        assertEquals(List.of(), plan.report().errors());
        assertEquals(Map.of("000300", new Contacts("+7 (3452) 00-30-00", "school300@example.ru", "https://school300.example.ru", 0)),
                plan.contacts());
    }

    @Test
    void aBadValueIsARowErrorNamingTheColumnAndNothingIsWritten() {
        ImportPlanner.Plan plan = plan(HEADER
                + "000300;ЧОУ «Школа»;02;Частная;Городская;+7 (3452) 00-30-00;school300@example.ru;\n"
                + "000301;ЧОУ «Вторая школа»;02;Частная;Городская;;school301.example.ru;www.school301.ru\n", Map.of(), Map.of());

        List<RowError> errors = plan.report().errors();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).row());
        assertEquals("Эл. почта", errors.get(0).column());
        assertTrue(errors.get(0).message().contains("«school301.example.ru»"), errors.get(0).message());
        assertEquals("Сайт", errors.get(1).column());
        assertEquals(List.of(), plan.toSave(), "all or nothing");
        assertEquals(Map.of(), plan.contacts());
    }

    @Test
    void aColumnTheFileLacksKeepsTheStoredValueAndAChangeIsReported() {
        Organisation school = ImportPlanner.withVersion(TestFiles.school("000111", "Школа 111"), 7);
        Contacts stored = new Contacts("+7 (3452) 00-11-11", "old@example.ru", "https://old.example.ru", 3);
        ParsedFile file = TestFiles.read("Код ОО;Полное наименование;Код территории;Эл. почта\n000111;Школа 111;01;new@example.ru\n");
        ImportPlanner.Plan plan = new ImportPlanner().plan(file, code -> Optional.of(school), code -> Optional.of(stored),
                territory -> List.of(), TestFiles.TERRITORIES, new org.oko.catalog.api.ImportOptions(true, false));

        assertEquals(List.of(), plan.report().errors());
        RowOutcome outcome = plan.report().outcomes().get(0);
        assertEquals(RowOutcome.Action.CHANGED, outcome.action());
        assertEquals(List.of("Эл. почта"), outcome.changedFields());
        assertEquals(List.of(), plan.toSave(), "the organisation itself is unchanged");
        assertEquals(Map.of("000111", new Contacts("+7 (3452) 00-11-11", "new@example.ru", "https://old.example.ru", 3)), plan.contacts());
    }

    @ParameterizedTest
    @EnumSource(FileFormat.class)
    void exportedContactsImportBackUnchanged(FileFormat format) throws IOException {
        Organisation school = TestFiles.school("000111", "Школа 111");
        Contacts contacts = new Contacts("+7 (3452) 00-11-11", "school111@example.ru", "https://school111.example.ru", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CatalogFileWriter().write(format, List.of(school), Map.of(), Map.of(school.code(), contacts), out);
        ParsedFile file = new CatalogFileReader(CatalogFileReader.DEFAULT_MAX_BYTES)
                .read("export." + format.extension(), new ByteArrayInputStream(out.toByteArray()));

        assertEquals(List.of(), file.errors());
        assertEquals(contacts.withVersion(0), file.rows().get(0).contacts(), "a phone starting with + comes back without the CSV's quote");
        ImportPlanner.Plan plan = new ImportPlanner().plan(file, code -> Optional.of(ImportPlanner.withVersion(school, 1)),
                code -> Optional.of(contacts), territory -> List.of(), TestFiles.TERRITORIES, new org.oko.catalog.api.ImportOptions(true, false));
        assertEquals(List.of(), plan.report().errors());
        assertEquals(1, plan.report().unchanged());
        assertEquals(Map.of(), plan.contacts());
    }
}
