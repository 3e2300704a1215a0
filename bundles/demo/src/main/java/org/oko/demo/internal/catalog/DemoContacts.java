package org.oko.demo.internal.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;

/**
 * The demo schools' contacts, made from their codes and clearly fake: phones +7 (3452) 0x-xx-xx, e-mail at
 * example.ru and sites under example.ru (domains reserved for examples, so nobody is called or written to).
 */
public final class DemoContacts {

    private DemoContacts() {
    }

    /** Every school's contacts (branches included), version 0, by code. */
    public static Map<String, Contacts> of(List<Organisation> organisations) {
        Map<String, Contacts> contacts = new HashMap<>();
        for (Organisation o : organisations) {
            if (o.kind() == OrganisationKind.SCHOOL) {
                contacts.put(o.code(), of(o.code()));
            }
        }
        return contacts;
    }

    /** A school's contacts: school 9901001 gets +7 (3452) 00-10-01, school9901001@example.ru, https://school9901001.example.ru. */
    static Contacts of(String code) {
        String digits = code.replaceAll("\\D", "");
        String tail = "00000".substring(Math.min(5, digits.length())) + digits.substring(Math.max(0, digits.length() - 5));
        String phone = "+7 (3452) 0" + tail.charAt(0) + "-" + tail.substring(1, 3) + "-" + tail.substring(3, 5);
        String name = "school" + code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return new Contacts(phone, name + "@example.ru", "https://" + name + ".example.ru", 0);
    }
}
