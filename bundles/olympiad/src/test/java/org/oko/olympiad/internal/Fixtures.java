package org.oko.olympiad.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Status;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.olympiad.internal.year.YearType;

/** The shipped 2025/26 year and participations written short, for the unit tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The year file the module ships: the tests judge by what regions get. */
    public static OlympiadYear year2025() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/OKO-INF/specs/olympiad.year/2025.json")) {
            return YearType.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same year a year earlier (2024/25), for last year's winners. */
    public static OlympiadYear year2024() {
        OlympiadYear y = year2025();
        return new OlympiadYear("2024", 1, y.title(), y.source(), 2024, y.stages(), y.subjects());
    }

    public static Participation p(int year, String stage, String subject, String participant, int grade, String school, String score) {
        return new Participation(year, stage, subject, participant, grade, school, new BigDecimal(score), null);
    }

    public static Participation p(int year, String stage, String subject, String participant, int grade, String school, String score,
                                  Status fileStatus) {
        return new Participation(year, stage, subject, participant, grade, school, new BigDecimal(score), fileStatus);
    }
}
