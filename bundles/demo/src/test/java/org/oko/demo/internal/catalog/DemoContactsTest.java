package org.oko.demo.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.OrganisationKind;

class DemoContactsTest {

    @Test
    void aSchoolsContactsComeFromItsCodeAndAreClearlyFake() {
        assertEquals(new Contacts("+7 (3452) 00-10-01", "school9901001@example.ru", "https://school9901001.example.ru", 0),
                DemoContacts.of("9901001"));
        assertEquals("+7 (3452) 03-40-12", DemoContacts.of("9934012").phone());
    }

    @Test
    void everySchoolHasContactsTheCatalogTakes() {
        DemoRegion demo = DemoRegion.generate();
        Map<String, Contacts> contacts = DemoContacts.of(demo.organisations());
        long schools = demo.organisations().stream().filter(o -> o.kind() == OrganisationKind.SCHOOL).count();
        assertEquals(schools, contacts.size());
        contacts.values().forEach(c -> {
            assertTrue(c.phone().matches("\\+7 \\(3452\\) 0\\d-\\d\\d-\\d\\d"), c.phone());
            assertTrue(c.email().matches("school\\d{7}@example\\.ru"), c.email());
            assertTrue(c.website().matches("https://school\\d{7}\\.example\\.ru"), c.website());
        });
    }
}
