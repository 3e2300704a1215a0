package org.oko.users.internal.folders;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The wording shared by the XLSX and HTML folders, so both say exactly the same. */
final class FolderText {

    static final String TITLE = "Электронная папка: реквизиты доступа к системе ОКО";
    static final String SHEET_NAME = "Реквизиты доступа";
    static final List<String> HEADER = List.of("№ п/п", "Код ОО", "Наименование ОО", "Территория", "Логин",
            "Одноразовый пароль");
    static final String NOTE = "Пароли одноразовые: при первом входе система попросит задать новый пароль. "
            + "Передавайте реквизиты конфиденциально.";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private FolderText() {
    }

    /** Label and value pairs of the title block. */
    static List<List<String>> details(Folder folder) {
        return List.of(
                List.of("Учредитель", nullToEmpty(folder.founderName())),
                List.of("Код учредителя", nullToEmpty(folder.founderCode())),
                List.of("Дата выдачи", folder.issuedOn() == null ? "" : DATE.format(folder.issuedOn())),
                List.of("Адрес системы", nullToEmpty(folder.systemUrl())),
                List.of("Логин координатора учредителя", nullToEmpty(folder.coordinatorLogin())),
                List.of("Одноразовый пароль координатора", nullToEmpty(folder.coordinatorOneTimePassword())));
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
