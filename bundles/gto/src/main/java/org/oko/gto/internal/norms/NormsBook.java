package org.oko.gto.internal.norms;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The editions of the norms a region has, and which one judges a test: the newest edition in force on
 * the test date, so that a past year is judged by the norms of its year. The participant's stage is
 * found by the edition's own rule of age ({@link Norms#ageOn}).
 */
public final class NormsBook {

    private final List<Norms> editions;

    /** @param editions the newest version of each key */
    public NormsBook(List<Norms> editions) {
        this.editions = List.copyOf(editions);
    }

    /** The edition in force on a test date: the latest {@code validFrom} not after it (a later version first on a tie). */
    public Optional<Norms> inForce(LocalDate testDate) {
        return editions.stream().filter(n -> !n.validFromDate().isAfter(testDate))
                .max(Comparator.comparing(Norms::validFromDate).thenComparingInt(Norms::version));
    }

    /** Whole years of age on a day; someone born on 29 February is a year older on 1 March of a common year. */
    public static int age(LocalDate birth, LocalDate on) {
        return Period.between(birth, on).getYears();
    }

    /** The age that finds the stage, by the edition's rule. */
    public static int stageAge(Norms norms, LocalDate birth, LocalDate testDate) {
        return Norms.YEAR_END.equals(norms.ageOn()) ? testDate.getYear() - birth.getYear() : age(birth, testDate);
    }

    /** The stage of a participant born on {@code birth} tested on {@code testDate}; empty when no stage covers the age. */
    public static Optional<Norms.Stage> stageOf(Norms norms, LocalDate birth, LocalDate testDate) {
        int age = stageAge(norms, birth, testDate);
        return norms.stages().stream().filter(s -> s.minAge() <= age && age <= s.maxAge()).findFirst();
    }
}
