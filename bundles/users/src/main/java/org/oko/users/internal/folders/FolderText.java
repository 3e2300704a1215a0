package org.oko.users.internal.folders;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.oko.users.internal.UsersTexts;

/** The wording shared by the XLSX and HTML folders, so both say exactly the same. */
final class FolderText {

    static final String TITLE = TEXTS.ru("folder.title");
    static final String SHEET_NAME = TEXTS.ru("folder.sheet");
    static final List<String> HEADER = UsersTexts.list("folder.columns");
    static final String NOTE = TEXTS.ru("folder.note");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private FolderText() {
    }

    /** Label and value pairs of the title block. */
    static List<List<String>> details(Folder folder) {
        return List.of(
                List.of(TEXTS.ru("folder.founder"), nullToEmpty(folder.founderName())),
                List.of(TEXTS.ru("folder.founder-code"), nullToEmpty(folder.founderCode())),
                List.of(TEXTS.ru("folder.issued-on"), folder.issuedOn() == null ? "" : DATE.format(folder.issuedOn())),
                List.of(TEXTS.ru("folder.system-url"), nullToEmpty(folder.systemUrl())),
                List.of(TEXTS.ru("folder.coordinator-login"), nullToEmpty(folder.coordinatorLogin())),
                List.of(TEXTS.ru("folder.coordinator-password"), nullToEmpty(folder.coordinatorOneTimePassword())));
    }

    /** One table row, numbered from 1. */
    static List<String> row(int index, SchoolCredential school) {
        return List.of(String.valueOf(index + 1), nullToEmpty(school.organisationCode()),
                nullToEmpty(school.organisationName()), nullToEmpty(school.territoryName()),
                nullToEmpty(school.login()), nullToEmpty(school.oneTimePassword()));
    }

    static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
