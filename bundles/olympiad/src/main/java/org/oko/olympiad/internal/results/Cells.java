package org.oko.olympiad.internal.results;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import org.oko.olympiad.internal.year.OlympiadYear;

/** How the files' cells read: a subject by code or name, a grade, a score. */
final class Cells {

    private Cells() {
    }

    /** A subject of the year by its code or its name, whatever the case and «ё». */
    static Optional<OlympiadYear.Subject> subject(OlympiadYear year, String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String wanted = fold(written);
        return year.subjects().stream().filter(s -> fold(s.code()).equals(wanted) || fold(s.name()).equals(wanted)).findFirst();
    }

    /** A grade 1–11 («9», «9 класс», «9-й»); null otherwise. */
    static Integer grade(String written) {
        if (written == null) {
            return null;
        }
        String digits = written.trim().replaceAll("(?iu)\\s*(-?й)?\\s*(класс|кл\\.?)?$", "");
        try {
            int grade = Integer.parseInt(digits);
            return grade >= 1 && grade <= 11 ? grade : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A score ≥ 0 with a point or comma, at most two decimals; null otherwise. */
    static BigDecimal score(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(written.trim().replace(',', '.'));
            return score.signum() < 0 || score.scale() > 2 || score.compareTo(new BigDecimal("99999")) > 0 ? null
                    : org.oko.olympiad.internal.store.OlympiadStore.plain(score);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fold(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }
}
