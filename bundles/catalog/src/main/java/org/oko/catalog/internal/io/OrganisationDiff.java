package org.oko.catalog.internal.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.oko.catalog.api.Organisation;

/** Which columns of the sheet differ between two versions of an organisation. */
final class OrganisationDiff {

    private record Field(CatalogColumns column, Function<Organisation, Object> value) {
    }

    /** In column order; the territory name is not stored, so its code stands for both columns. */
    private static final List<Field> FIELDS = List.of(
            new Field(CatalogColumns.CODE, Organisation::code),
            new Field(CatalogColumns.KIND, Organisation::kind),
            new Field(CatalogColumns.FULL_NAME, Organisation::fullName),
            new Field(CatalogColumns.SHORT_NAME, Organisation::shortName),
            new Field(CatalogColumns.TERRITORY_CODE, Organisation::territoryCode),
            new Field(CatalogColumns.FOUNDER_TYPE, Organisation::founderType),
            new Field(CatalogColumns.FOUNDER_CODE, Organisation::founderCode),
            new Field(CatalogColumns.SETTLEMENT_TYPE, Organisation::settlementType),
            new Field(CatalogColumns.LEVELS, Organisation::levels),
            new Field(CatalogColumns.INN, Organisation::inn),
            new Field(CatalogColumns.OGRN, Organisation::ogrn),
            new Field(CatalogColumns.ADDRESS, Organisation::address),
            new Field(CatalogColumns.STATUS, Organisation::status),
            new Field(CatalogColumns.CLOSED_ON, Organisation::closedOn),
            new Field(CatalogColumns.PARENT_CODE, Organisation::parentCode),
            new Field(CatalogColumns.SUCCESSOR_CODE, Organisation::successorCode));

    private OrganisationDiff() {
    }

    /** Headers of the columns whose values differ; the version is not a column and is ignored. */
    static List<String> changedColumns(Organisation before, Organisation after) {
        List<String> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!Objects.equals(field.value().apply(before), field.value().apply(after))) {
                changed.add(field.column().header());
            }
        }
        return changed;
    }
}
