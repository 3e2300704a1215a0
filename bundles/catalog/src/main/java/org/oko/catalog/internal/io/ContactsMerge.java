package org.oko.catalog.internal.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.oko.catalog.api.Contacts;

/**
 * An import's contacts against the stored ones: a column the file lacks keeps the stored value (as
 * {@link OrganisationMerge} does for the organisation), and only a real difference is written.
 */
final class ContactsMerge {

    private ContactsMerge() {
    }

    /** The file's values where it has the column, the stored ones elsewhere; the stored version (0 for none). */
    static Contacts keepAbsent(Contacts file, Contacts stored, ParsedFile columns) {
        return new Contacts(pick(columns, CatalogColumns.PHONE, file.phone(), stored.phone()),
                pick(columns, CatalogColumns.EMAIL, file.email(), stored.email()),
                pick(columns, CatalogColumns.WEBSITE, file.website(), stored.website()),
                stored.version());
    }

    /** Headers of the contacts' columns whose values differ, in file order. */
    static List<String> changedColumns(Contacts before, Contacts after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.phone(), after.phone())) {
            changed.add(CatalogColumns.PHONE.header());
        }
        if (!Objects.equals(before.email(), after.email())) {
            changed.add(CatalogColumns.EMAIL.header());
        }
        if (!Objects.equals(before.website(), after.website())) {
            changed.add(CatalogColumns.WEBSITE.header());
        }
        return changed;
    }

    private static String pick(ParsedFile file, CatalogColumns column, String fromFile, String stored) {
        return file.has(column) ? fromFile : stored;
    }
}
