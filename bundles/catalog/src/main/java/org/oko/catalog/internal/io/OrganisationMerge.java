package org.oko.catalog.internal.io;

import org.oko.catalog.api.Organisation;

/**
 * Fills the columns a file lacks from the stored organisation: a file with only codes and names must
 * not wipe addresses, reopen closed schools or turn an authority into a school.
 */
final class OrganisationMerge {

    private OrganisationMerge() {
    }

    /** The file's values where the file has the column, the stored ones elsewhere; the stored version. */
    static Organisation keepAbsent(Organisation file, Organisation stored, ParsedFile columns) {
        return new Organisation(file.code(),
                pick(columns, CatalogColumns.KIND, file.kind(), stored.kind()),
                pick(columns, CatalogColumns.FULL_NAME, file.fullName(), stored.fullName()),
                pick(columns, CatalogColumns.SHORT_NAME, file.shortName(), stored.shortName()),
                pick(columns, CatalogColumns.FOUNDER_TYPE, file.founderType(), stored.founderType()),
                pick(columns, CatalogColumns.FOUNDER_CODE, file.founderCode(), stored.founderCode()),
                file.territoryCode(),
                pick(columns, CatalogColumns.SETTLEMENT_TYPE, file.settlementType(), stored.settlementType()),
                pick(columns, CatalogColumns.LEVELS, file.levels(), stored.levels()),
                pick(columns, CatalogColumns.INN, file.inn(), stored.inn()),
                pick(columns, CatalogColumns.OGRN, file.ogrn(), stored.ogrn()),
                pick(columns, CatalogColumns.ADDRESS, file.address(), stored.address()),
                pick(columns, CatalogColumns.STATUS, file.status(), stored.status()),
                pick(columns, CatalogColumns.CLOSED_ON, file.closedOn(), stored.closedOn()),
                pick(columns, CatalogColumns.PARENT_CODE, file.parentCode(), stored.parentCode()),
                pick(columns, CatalogColumns.SUCCESSOR_CODE, file.successorCode(), stored.successorCode()),
                stored.version());
    }

    private static <T> T pick(ParsedFile file, CatalogColumns column, T fromFile, T stored) {
        return file.has(column) ? fromFile : stored;
    }
}
