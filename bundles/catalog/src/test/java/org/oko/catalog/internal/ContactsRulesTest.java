package org.oko.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.Contacts;

class ContactsRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"+7 (3452) 00-10-01", "8 800 555-35-35", "2-15-36", "83452001001", "+7(912)0001122"})
    void phonesOfDigitsSpacesPlusDashesAndBracketsPass(String phone) {
        assertTrue(ContactsRules.phone(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"звоните нам", "+7 (3452) 00-10-01 доб. 5", "(-)", "1234", "+7 3452 00 10 01; +7 3452 00 10 02",
        "+7 (3452) 00-10-01 00-10-02 00-10-03", "tel:+73452001001"})
    void otherPhonesFail(String phone) {
        assertFalse(ContactsRules.phone(phone), phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"school9901001@example.ru", "ivanova.a-b+oko@mail.school.ru", "школа@школа.рф", "o'neil@example.com"})
    void saneEmailsPass(String email) {
        assertTrue(ContactsRules.email(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"school.example.ru", "a@b", "a@@example.ru", "a b@example.ru", "@example.ru", "a@example.ru.",
        "a@-example.ru", "mailto:a@example.ru"})
    void otherEmailsFail(String email) {
        assertFalse(ContactsRules.email(email), email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://school9901001.example.ru", "http://school.ru/", "HTTPS://Школа.рф/о-нас?x=1#top",
        "https://school.ru:8443/path"})
    void httpAndHttpsAddressesPass(String website) {
        assertTrue(ContactsRules.website(website), website);
    }

    @ParameterizedTest
    @ValueSource(strings = {"school.ru", "www.school.ru", "javascript:alert(1)", "ftp://school.ru", "https://", "https://localhost",
        "https://school .ru", "data:text/html,<b>x</b>", "//school.ru"})
    void otherWebsitesFail(String website) {
        assertFalse(ContactsRules.website(website), website);
    }

    @Test
    void nothingKnownIsValid() {
        assertEquals(List.of(), ContactsRules.problems(Contacts.NONE));
    }

    @Test
    void valuesAreTrimmedAndBlankOnesForgotten() {
        Contacts checked = ContactsRules.checked("9901001", new Contacts("  +7 (3452) 00-10-01 ", " ", null, 2));
        assertEquals(new Contacts("+7 (3452) 00-10-01", null, null, 2), checked);
    }

    @Test
    void aBadValueIsRefusedNamingTheFieldInBothLanguages() {
        CatalogException refused = assertThrows(CatalogException.class,
                () -> ContactsRules.checked("9901001", new Contacts("+7 (3452) 00-10-01", "school.example.ru", "school.ru", 0)));
        assertEquals(CatalogException.Reason.INVALID, refused.reason());
        assertEquals("catalog.contacts-invalid", refused.code());
        assertEquals("email", refused.field(), "the first faulty field");
        assertTrue(refused.text().ru().contains("адрес электронной почты «school.example.ru»"), refused.text().ru());
        assertTrue(refused.text().ru().contains("сайт «school.ru»"), refused.text().ru());
        assertTrue(refused.text().en().contains("the e-mail address «school.example.ru»"), refused.text().en());
        assertTrue(refused.text().en().contains("http:// or https://"), refused.text().en());
        assertEquals("phone", assertThrows(CatalogException.class,
                () -> ContactsRules.checked("1", new Contacts("позвоните", null, null, 0))).field());
    }
}
