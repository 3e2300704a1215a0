package org.oko.bench.filler;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.oko.forms.api.Submissions;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Installed by the bench into the server it measures, as a module: fills every submission of the
 * period and form named in {@code data/bench-probe/fill} the way a region does over a season —
 * through the forms service, as each school's coordinator, then the founder's checks — so that the
 * dashboard is measured on a full campaign. Logging in 700 coordinators over HTTP would spend minutes
 * on password hashing alone. Shares of the end states: 60 % confirmed, 15 % sent, 5 % returned,
 * 10 % half filled, 10 % not started. Writes {@code filled} with the count and the time.
 */
public final class FillerActivator implements BundleActivator {

    private static final byte[] LETTER = "%PDF-1.4\n% Письмо учредителя (бенчмарк)\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Override
    public void start(BundleContext context) throws Exception {
        Path folder = Path.of(context.getProperty("karaf.data"), "bench-probe");
        String[] task = Files.readString(folder.resolve("fill")).trim().split(" ");
        ServiceReference<Submissions> reference = context.getServiceReference(Submissions.class);
        Submissions submissions = context.getService(reference);
        Thread worker = new Thread(() -> {
            String outcome;
            try {
                long start = System.nanoTime();
                int filled = CallerContext.callAs(Caller.SYSTEM, () -> fillAll(submissions, task[0], task[1]));
                outcome = filled + " " + (System.nanoTime() - start);
            } catch (Exception e) {
                outcome = "error " + e;
            }
            try {
                Files.writeString(folder.resolve("filled"), outcome);
            } catch (java.io.IOException ignored) {
                // the bench times out and says so
            }
        }, "oko-bench-filler");
        worker.start();
    }

    @Override
    public void stop(BundleContext context) {
    }

    private static int fillAll(Submissions submissions, String period, String formId) throws Exception {
        Random random = new Random(2026);
        int filled = 0;
        for (Submissions.Status status : submissions.statuses(period, formId)) {
            long id = status.id();
            int roll = random.nextInt(100);
            Caller school = new Caller("bench.school", status.organisationCode(), EnumSet.of(Role.SCHOOL_COORDINATOR),
                    Scope.of(Set.of(status.organisationCode())));
            if (roll < 80) {
                CallerContext.callAs(school, () -> {
                    fill(submissions, id, random, true);
                    submissions.submit(id);
                    return null;
                });
                if (roll < 60) {
                    submissions.verify(id);
                    submissions.confirm(id, "письмо.pdf", "application/pdf", LETTER);
                } else if (roll >= 75) {
                    submissions.sendBack(id, "Проверьте численность по классам");
                }
                filled++;
            } else if (roll < 90) {
                CallerContext.callAs(school, () -> {
                    fill(submissions, id, random, false);
                    return null;
                });
            }
        }
        return filled;
    }

    /** МИАС form 1 of a plausible school; {@code complete} false stops half way. */
    private static void fill(Submissions submissions, long id, Random random, boolean complete) {
        int[] classes = new int[12];
        int[] pupils = new int[12];
        int classesTotal = 0;
        int pupilsTotal = 0;
        for (int grade = 1; grade <= 11; grade++) {
            classes[grade] = grade <= 9 ? 1 + random.nextInt(3) : random.nextInt(2);
            pupils[grade] = classes[grade] * (18 + random.nextInt(9));
            classesTotal += classes[grade];
            pupilsTotal += pupils[grade];
        }
        submissions.save(id, "settlement", random.nextBoolean() ? "city" : "rural", 0);
        submissions.save(id, "programmes", List.of("noo", "ooo", "soo"), 0);
        submissions.save(id, "shifts", 1 + random.nextInt(2), 0);
        submissions.save(id, "has_branches", false, 0);
        submissions.save(id, "pupils_total", pupilsTotal, 0);
        submissions.save(id, "classes_total", classesTotal, 0);
        if (!complete) {
            return;
        }
        for (int grade = 1; grade <= 11; grade++) {
            submissions.save(id, "by_grade.classes[" + grade + "]", classes[grade], 0);
            submissions.save(id, "by_grade.pupils[" + grade + "]", pupils[grade], 0);
        }
        submissions.save(id, "by_study_form.pupils[full_time]", pupilsTotal, 0);
        submissions.save(id, "by_study_form.pupils[part_time]", 0, 0);
        submissions.save(id, "by_study_form.pupils[distance]", 0, 0);
        int teachers = Math.max(8, pupilsTotal / 14);
        submissions.save(id, "teachers_total", teachers, 0);
        submissions.save(id, "teachers_highest", teachers / 4, 0);
        submissions.save(id, "teachers_first", teachers / 3, 0);
        submissions.save(id, "teachers_under_35", teachers / 5, 0);
        submissions.save(id, "teachers_pensioners", teachers / 4, 0);
        for (String facility : List.of("gym", "library", "canteen", "internet_100")) {
            submissions.save(id, facility, random.nextInt(10) > 0, 0);
        }
        submissions.save(id, "computers_for_learning", pupilsTotal / 8, 0);
    }
}
