package org.oko.demo.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaxIdsTest {

    @Test
    void publishedIdentifiersPass() {
        // ИНН and ОГРН of a large public company, printed on every one of its documents.
        assertTrue(TaxIds.validInn10("7707083893"));
        assertTrue(TaxIds.validOgrn("1027700132195"));
    }

    @Test
    void aWrongDigitOrLengthFails() {
        assertFalse(TaxIds.validInn10("7707083894"));
        assertFalse(TaxIds.validInn10("770708389"));
        assertFalse(TaxIds.validOgrn("1027700132196"));
        assertFalse(TaxIds.validOgrn(null));
    }
}
