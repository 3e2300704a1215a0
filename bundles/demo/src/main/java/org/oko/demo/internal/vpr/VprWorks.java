package org.oko.demo.internal.vpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic ВПР works of one test, as a results file in ВПР's own columns: plausible results with a
 * handful of schools made to show the signs of non-objective results this year. Never real pupils:
 * the same test and schools give the same works.
 */
final class VprWorks {

    /** ВПР's headers (the federal exports' names), then one column per task. */
    private static final String HEADER = "Код участника;Код ОО;Класс;Вариант;Первичный балл;Отметка;Отметка по журналу";

    /** One participant's work. */
    record Work(String participant, String school, String className, int variant, byte[] scores, int total, int mark, int journalMark) {
    }

    private VprWorks() {
    }

    /**
     * @param schools  the head schools of the first ten territories, in territory and catalog order
     * @param thisYear the newest year of the tests: only its tests show the signs
     */
    static List<Work> generate(VprTest test, List<String> schools, int thisYear) {
        Random random = new Random(test.key().hashCode());
        List<Work> works = new ArrayList<>();
        for (int s = 0; s < schools.size(); s++) {
            String school = schools.get(s);
            // Every 23rd school shows the signs this year; every 31st jumps since last year.
            boolean inflated = s % 23 == 5 && test.year() == thisYear;
            boolean jumped = s % 31 == 7 && test.year() == thisYear;
            // A school is about as strong every year and in every subject; only the sample varies.
            double schoolLevel = new Random(school.hashCode()).nextGaussian() * 0.03 + (jumped ? 0.3 : 0);
            int participants = 20 + random.nextInt(40);
            for (int p = 0; p < participants; p++) {
                double ability = schoolLevel + random.nextGaussian() * 0.16;
                byte[] scores = new byte[test.tasks().size()];
                int total = 0;
                for (int t = 0; t < scores.length; t++) {
                    VprTest.Task task = test.tasks().get(t);
                    double chance = switch (task.level()) {
                        case BASIC -> 0.66;
                        case ADVANCED -> 0.45;
                        case HIGH -> 0.22;
                    } + ability + (inflated ? (task.level() == VprTest.Level.HIGH ? 0.65 : 0.15) : 0);
                    int score = 0;
                    for (int point = 0; point < task.max(); point++) {
                        score += random.nextDouble() < Math.max(0.02, Math.min(0.98, chance)) ? 1 : 0;
                    }
                    scores[t] = (byte) score;
                    total += score;
                }
                int mark = test.scale().markFor(total);
                int journal = inflated ? Math.max(2, mark - 1 - random.nextInt(2))
                        : Math.max(2, Math.min(5, mark + (random.nextDouble() < 0.25 ? 1 : random.nextDouble() < 0.08 ? -1 : 0)));
                works.add(new Work(String.format("%s-%s-%03d", test.key(), school, p), school, test.grade() + "А", 1 + p % 2, scores,
                        total, mark, journal));
            }
        }
        return works;
    }

    /** The works as a CSV file ВПР imports: UTF-8 with its mark, semicolons, headers by ВПР's names. */
    static String csv(VprTest test, List<Work> works) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER);
        for (VprTest.Task task : test.tasks()) {
            csv.append(";Задание ").append(task.label());
        }
        csv.append("\r\n");
        for (Work work : works) {
            csv.append(work.participant()).append(';').append(work.school()).append(';').append(work.className()).append(';')
                    .append(work.variant()).append(';').append(work.total()).append(';').append(work.mark()).append(';')
                    .append(work.journalMark());
            for (byte score : work.scores()) {
                csv.append(';').append(score);
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }
}
