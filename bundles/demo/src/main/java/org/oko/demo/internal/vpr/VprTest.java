package org.oko.demo.internal.vpr;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the demo reads of a ВПР test's spec (kind {@value #KIND} on the platform's specs): enough to
 * write plausible results in ВПР's file format.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VprTest(int year, String subject, int grade, List<Task> tasks, Scale scale) {

    static final String KIND = "vpr.test";
    /** As ВПР lists its tests: the newest year first, then by subject and grade. */
    static final Comparator<VprTest> NEWEST_FIRST = Comparator.comparingInt(VprTest::year).reversed()
            .thenComparing(VprTest::subject).thenComparingInt(VprTest::grade);

    enum Level { BASIC, ADVANCED, HIGH }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Task(String label, int max, Level level) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scale(int three, int four, int five) {

        int markFor(int total) {
            return total >= five ? 5 : total >= four ? 4 : total >= three ? 3 : 2;
        }
    }

    String key() {
        return year + "-" + subject + "-" + grade;
    }
}
