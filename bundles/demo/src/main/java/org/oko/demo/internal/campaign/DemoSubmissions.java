package org.oko.demo.internal.campaign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.SettlementType;
import org.oko.demo.internal.forms.DemoForms;
import org.oko.demo.internal.forms.FormValues;
import org.oko.demo.internal.forms.SchoolProfile;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One form assigned to the demo schools for a period and taken by each school to a state: typed in by the school
 * (as its coordinator) and sent, then confirmed with the founder's letter, or left sent, sent back, half filled or
 * not started — in the shares asked. Through the forms API only, as the system and the schools.
 */
final class DemoSubmissions {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSubmissions.class);
    private static final byte[] LETTER = "%PDF-1.4\n% Демонстрационное письмо учредителя\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    /**
     * Percentages of the schools: confirmed, sent, sent back; of the rest, half are being filled. The past year's
     * forms are all confirmed.
     */
    record Shares(int confirmed, int sent, int returned, int unfinished) {
        static final Shares CLOSED = new Shares(100, 0, 0, 0);
    }

    private final Submissions submissions;
    private final BooleanSupplier stopping;

    DemoSubmissions(Submissions submissions, BooleanSupplier stopping) {
        this.submissions = submissions;
        this.stopping = stopping;
    }

    /** @return how many submissions were sent */
    int fill(String period, String form, int year, List<Organisation> schools, Shares shares, Random states) {
        List<Submissions.Outcome> outcomes = submissions.assign(period, form, schools.stream().map(Organisation::code).toList());
        FormValues generator = DemoForms.of(form);
        int sent = 0;
        for (int i = 0; i < outcomes.size() && !stopping.getAsBoolean(); i++) {
            Submissions.Outcome outcome = outcomes.get(i);
            if (outcome.result() != Submissions.Result.DONE) {
                continue;
            }
            Organisation school = schools.get(i);
            int roll = states.nextInt(100);
            long id = outcome.submissionId();
            SchoolProfile profile = new SchoolProfile(school.code(), school.settlementType() == SettlementType.RURAL, year);
            Map<String, Object> values = generator.values(profile, DemoForms.random(school.code(), form));
            Caller schoolCaller = new Caller("demo.school", school.code(), EnumSet.of(Role.SCHOOL_COORDINATOR), Scope.of(Set.of(school.code())));
            int submitted = shares.confirmed() + shares.sent() + shares.returned();
            try {
                if (roll < submitted) {
                    CallerContext.runAs(schoolCaller, () -> save(id, values, values.size()));
                    CallerContext.runAs(schoolCaller, () -> submissions.submit(id));
                    sent++;
                    if (roll < shares.confirmed()) {
                        submissions.verify(id);
                        submissions.confirm(id, "письмо-учредителя.pdf", "application/pdf", LETTER);
                    } else if (roll >= shares.confirmed() + shares.sent()) {
                        submissions.sendBack(id, generator.returnComment());
                    }
                } else if (roll < submitted + shares.unfinished() / 2) {
                    CallerContext.runAs(schoolCaller, () -> save(id, values, values.size() / 2)); // stopped half way
                }
            } catch (RuntimeException e) {
                LOG.warn("Demo submission {} ({} of {}) left as it is: {}", id, form, school.code(), e.getMessage());
            }
        }
        return sent;
    }

    /** Assigns without typing anything: a form a module fills (ВПР's form 7). */
    int assign(String period, String form, List<Organisation> schools) {
        return (int) submissions.assign(period, form, schools.stream().map(Organisation::code).toList()).stream()
                .filter(o -> o.result() == Submissions.Result.DONE).count();
    }

    private void save(long id, Map<String, Object> values, int count) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(values.entrySet());
        for (Map.Entry<String, Object> value : entries.subList(0, count)) {
            submissions.save(id, value.getKey(), value.getValue(), 0);
        }
    }
}
