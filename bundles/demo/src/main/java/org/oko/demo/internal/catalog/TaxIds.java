package org.oko.demo.internal.catalog;

/** Check digits of legal-entity ИНН and ОГРН, so synthetic identifiers pass the usual validators. */
final class TaxIds {

    private static final int[] INN10_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private TaxIds() {
    }

    /** The tenth digit of an organisation's ИНН from its first nine. */
    static char innCheckDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < INN10_WEIGHTS.length; i++) {
            sum += (firstNine.charAt(i) - '0') * INN10_WEIGHTS[i];
        }
        return (char) ('0' + sum % 11 % 10);
    }

    /** The thirteenth digit of an ОГРН from its first twelve. */
    static char ogrnCheckDigit(String firstTwelve) {
        return (char) ('0' + Long.parseLong(firstTwelve) % 11 % 10);
    }

    static boolean validInn10(String inn) {
        return inn != null && inn.matches("\\d{10}") && innCheckDigit(inn) == inn.charAt(9);
    }

    static boolean validOgrn(String ogrn) {
        return ogrn != null && ogrn.matches("\\d{13}") && ogrnCheckDigit(ogrn.substring(0, 12)) == ogrn.charAt(12);
    }
}
