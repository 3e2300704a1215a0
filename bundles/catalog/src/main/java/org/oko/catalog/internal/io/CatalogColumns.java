package org.oko.catalog.internal.io;

import java.util.List;

import org.oko.tables.api.ColumnSpec;

/**
 * The columns of the organisation sheet, in file order. Export writes the headers; import finds
 * columns by header or by one of the aliases the region's own spreadsheets use.
 */
public enum CatalogColumns {
    CODE("Код ОО", true, "Код", "Код организации", "Код ОО в ФИС ОКО"),
    KIND("Тип организации", false),
    FULL_NAME("Полное наименование", true, "Наименование", "Полное наименование ОО"),
    SHORT_NAME("Краткое наименование", false, "Сокращённое наименование"),
    TERRITORY_CODE("Код территории", false),
    TERRITORY_NAME("Территория", false, "Муниципалитет", "Муниципальное образование", "Район"),
    FOUNDER_TYPE("Тип учредителя", false),
    FOUNDER_CODE("Код учредителя", false),
    SETTLEMENT_TYPE("Тип местности", false, "Тип поселения", "Местность", "Тип населённого пункта"),
    LEVELS("Уровни образования", false, "Уровни", "Уровни общего образования", "Реализуемые уровни"),
    INN("ИНН", false),
    OGRN("ОГРН", false),
    ADDRESS("Адрес", false),
    STATUS("Статус", false),
    CLOSED_ON("Дата закрытия", false),
    PARENT_CODE("Код головной организации", false, "Головная организация"),
    SUCCESSOR_CODE("Код правопреемника", false, "Правопреемник"),
    // The contacts, kept beside the organisation (ContactsEntity); last, so that older files keep their column order.
    PHONE("Телефон", false, "Контактный телефон", "Тел.", "phone"),
    EMAIL("Эл. почта", false, "Электронная почта", "Адрес электронной почты", "E-mail", "email"),
    WEBSITE("Сайт", false, "Официальный сайт", "Адрес сайта", "Веб-сайт", "website");

    /** The contacts' columns, in file order. */
    public static final java.util.Set<CatalogColumns> CONTACTS = java.util.EnumSet.of(PHONE, EMAIL, WEBSITE);

    private final String header;
    private final boolean required;
    private final List<String> aliases;

    CatalogColumns(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The header export writes and messages name. */
    public String header() {
        return header;
    }

    /** Whether import refuses a file without this column and a row without its value. */
    public boolean required() {
        return required;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Every column as an import reads it: the id is the constant's name. */
    public static List<ColumnSpec> specs() {
        return SPECS;
    }

    private static final List<ColumnSpec> SPECS = java.util.Arrays.stream(values())
            .map(c -> new ColumnSpec(c.name(), c.header, c.required, c.aliases)).toList();
}
