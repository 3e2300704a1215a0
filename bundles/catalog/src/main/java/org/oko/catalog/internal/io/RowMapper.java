package org.oko.catalog.internal.io;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Labelled;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.RowError;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.internal.ContactsRules;
import org.oko.tables.api.ColumnMapping;
import org.oko.tables.api.ColumnMatch;

/** Gives the cells of a raw row their meaning by the header, collecting every value error. */
final class RowMapper {

    private final Map<CatalogColumns, Integer> indexes = new EnumMap<>(CatalogColumns.class);
    private final ColumnMapping mapping;

    RowMapper(List<String> header) {
        this(header, 1, Map.of(), Map.of());
    }

    /**
     * @param chosen     the import's own mapping, by header: a column name, "" for none
     * @param remembered what people chose at earlier imports, by normalised header
     */
    RowMapper(List<String> header, long headerRow, Map<String, String> chosen, Map<String, String> remembered) {
        mapping = ColumnMapping.resolve(header, headerRow, CatalogColumns.specs(), chosen, remembered,
                List.of(List.of(CatalogColumns.TERRITORY_CODE.name(), CatalogColumns.TERRITORY_NAME.name())));
        for (CatalogColumns column : CatalogColumns.values()) {
            if (mapping.has(column.name())) {
                indexes.put(column, mapping.index(column.name()));
            }
        }
    }

    ColumnMapping mapping() {
        return mapping;
    }

    /** How each column of the header is read, in file order. */
    List<ColumnMatch> matches() {
        return mapping.matches();
    }

    /** The columns found in the header. */
    Set<CatalogColumns> columns() {
        return indexes.keySet();
    }

    /** Problems of the header; with any of them the rows cannot be read. */
    List<RowError> headerErrors() {
        return mapping.problems().stream().map(p -> new RowError((int) p.row(), p.column(), p.message())).toList();
    }

    /** The row's organisation, or empty without a code; errors go to {@code errors}. */
    Optional<ParsedRow> map(RawTable.Row raw, List<RowError> errors) {
        RowValues values = new RowValues(raw, errors);
        // Read in column order so that a row's errors come in the order the user sees the columns.
        String code = values.required(CatalogColumns.CODE, TEXTS.ru("catalog.row.code-missing"));
        OrganisationKind kind = values.label(CatalogColumns.KIND, OrganisationKind.class, OrganisationKind.SCHOOL);
        String fullName = values.required(CatalogColumns.FULL_NAME, TEXTS.ru("catalog.row.full-name-missing"));
        String shortName = values.text(CatalogColumns.SHORT_NAME);
        FounderType founderType = values.label(CatalogColumns.FOUNDER_TYPE, FounderType.class, null);
        SettlementType settlementType = values.label(CatalogColumns.SETTLEMENT_TYPE, SettlementType.class, null);
        Set<EducationLevel> levels = values.levels();
        String inn = values.digits(CatalogColumns.INN, TEXTS.ru("catalog.problem.inn"), 10, 12);
        String ogrn = values.digits(CatalogColumns.OGRN, TEXTS.ru("catalog.row.ogrn"), 13, 15);
        OrganisationStatus status = values.label(CatalogColumns.STATUS, OrganisationStatus.class, OrganisationStatus.ACTIVE);
        LocalDate closedOn = values.date(CatalogColumns.CLOSED_ON);
        if (status == OrganisationStatus.CLOSED && values.text(CatalogColumns.CLOSED_ON) == null) {
            values.error(CatalogColumns.CLOSED_ON, TEXTS.ru("catalog.row.closed-without-date"));
        } else if (status == OrganisationStatus.ACTIVE && closedOn != null) {
            values.error(CatalogColumns.CLOSED_ON, TEXTS.ru("catalog.row.date-but-active", OrganisationStatus.CLOSED.label()));
        }
        Contacts contacts = new Contacts(values.contact(CatalogColumns.PHONE, ContactsRules::phone, "catalog.contacts.phone"),
                values.contact(CatalogColumns.EMAIL, ContactsRules::email, "catalog.contacts.email"),
                values.contact(CatalogColumns.WEBSITE, ContactsRules::website, "catalog.contacts.website"), 0);
        if (code == null) {
            return Optional.empty();
        }
        String territoryCode = values.text(CatalogColumns.TERRITORY_CODE);
        Organisation organisation = new Organisation(code, kind, fullName, shortName == null ? fullName : shortName,
                founderType, values.text(CatalogColumns.FOUNDER_CODE), territoryCode, settlementType, levels,
                inn, ogrn, values.text(CatalogColumns.ADDRESS), status, closedOn,
                values.text(CatalogColumns.PARENT_CODE), values.text(CatalogColumns.SUCCESSOR_CODE), 0);
        return Optional.of(new ParsedRow(raw.row(), organisation, territoryCode,
                values.text(CatalogColumns.TERRITORY_NAME), contacts));
    }

    /** One row's cells by column; a bad value becomes null plus an error. */
    private final class RowValues {

        private final RawTable.Row raw;
        private final List<RowError> errors;

        RowValues(RawTable.Row raw, List<RowError> errors) {
            this.raw = raw;
            this.errors = errors;
        }

        private Object cell(CatalogColumns column) {
            Integer index = indexes.get(column);
            return index == null ? null : raw.cell(index);
        }

        String text(CatalogColumns column) {
            Object value = cell(column);
            return value instanceof LocalDate date ? CatalogDates.format(date) : (String) value;
        }

        String required(CatalogColumns column, String message) {
            String text = text(column);
            if (text == null) {
                error(column, message);
            }
            return text;
        }

        void error(CatalogColumns column, String message) {
            errors.add(new RowError(raw.row(), column.header(), message));
        }

        <E extends Enum<E> & Labelled> E label(CatalogColumns column, Class<E> type, E absent) {
            String text = text(column);
            if (text == null) {
                return absent;
            }
            Optional<E> value = Labels.parse(type, text);
            if (value.isEmpty()) {
                error(column, TEXTS.ru("catalog.row.value-unknown", text, allowed(type)));
            }
            return value.orElse(null);
        }

        Set<EducationLevel> levels() {
            String text = text(CatalogColumns.LEVELS);
            Optional<Set<EducationLevel>> levels = Labels.parseLevels(text);
            if (levels.isEmpty()) {
                error(CatalogColumns.LEVELS, TEXTS.ru("catalog.row.levels-unknown", text, allowed(EducationLevel.class)));
            }
            return levels.orElse(Set.of());
        }

        LocalDate date(CatalogColumns column) {
            Object value = cell(column);
            if (value instanceof LocalDate date) {
                return date;
            }
            if (value == null) {
                return null;
            }
            Optional<LocalDate> date = CatalogDates.parse((String) value);
            if (date.isEmpty()) {
                error(column, TEXTS.ru("catalog.row.date-unknown", value));
            }
            return date.orElse(null);
        }

        /** A phone, e-mail or website; a value the rule refuses is an error naming the column, with the rule's text. */
        String contact(CatalogColumns column, java.util.function.Predicate<String> rule, String key) {
            String text = text(column);
            if (text != null && !rule.test(text)) {
                error(column, TEXTS.ru(key, text, ContactsRules.MAX_PHONE));
                return null;
            }
            return text;
        }

        String digits(CatalogColumns column, String rule, int length, int otherLength) {
            String text = text(column);
            if (text != null && !text.matches("\\d{" + length + "}|\\d{" + otherLength + "}")) {
                error(column, rule + ": «" + text + "»");
                return null;
            }
            return text;
        }
    }

    private static <E extends Enum<E> & Labelled> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining(", "));
    }
}
