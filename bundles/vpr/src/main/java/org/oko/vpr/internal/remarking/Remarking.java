package org.oko.vpr.internal.remarking;

import static org.oko.vpr.internal.VprTexts.TEXTS;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.users.api.UserDirectory;
import org.oko.vpr.internal.spec.SpecRegistry;
import org.oko.vpr.internal.spec.TestSpec;
import org.oko.vpr.internal.stats.Result;
import org.oko.vpr.internal.store.ResultStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Re-marking of schools with signs of non-objective results (перепроверка, seed 004): the centre
 * picks schools and a sample of their works and spreads them over experts; an expert sees and
 * re-marks only the works assigned to them (without the school's scores); the report compares.
 */
@Component(service = Remarking.class)
public class Remarking {

    static final Role[] ORGANISERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};
    static final Role[] REPORT_READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL};
    private static final Random RANDOM = new SecureRandom();

    @Reference(target = "(osgi.unit.name=oko-vpr)")
    private JpaTemplate jpa;

    @Reference
    private ResultStore store;

    @Reference
    private SpecRegistry specs;

    @Reference
    private UserDirectory users;

    @Reference
    private AuditTrail audit;

    public record Assignment(List<String> schools, int sample, List<String> experts) {
    }

    public record Assigned(int works, Map<String, Integer> bySchool, Map<String, Integer> byExpert) {
    }

    /** A work as the expert sees it: no school, no earlier scores. */
    public record ExpertWork(long id, String test, String subjectName, int grade, String participant, List<TestSpec.Task> tasks,
                             List<Integer> scores, boolean done) {
    }

    public record Overview(List<String> experts, RemarkReport.Report report) {
    }

    public Assigned assign(String testKey, Assignment request) throws Exception {
        Caller caller = CallerContext.require(ORGANISERS);
        TestSpec spec = spec(testKey);
        if (request == null || request.schools() == null || request.schools().isEmpty() || request.experts() == null
                || request.experts().isEmpty() || request.sample() < 1 || request.sample() > 1000) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "vpr.give-schools-experts");
        }
        Set<String> experts = new HashSet<>(experts());
        for (String expert : request.experts()) {
            if (!experts.contains(expert)) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "vpr.not-active-expert", expert);
            }
        }
        Set<String> taken = new HashSet<>();
        jpa.txExpr(em -> em.createQuery("SELECT r.school, r.participant FROM RemarkEntity r WHERE r.testKey = :t", Object[].class)
                .setParameter("t", spec.key()).getResultList()).forEach(r -> taken.add(Result.key((String) r[0], (String) r[1])));
        Map<String, Integer> load = new HashMap<>();
        for (String expert : request.experts()) {
            load.put(expert, jpa.txExpr(em -> em.createQuery("SELECT COUNT(r) FROM RemarkEntity r WHERE r.expert = :e AND r.doneAt IS NULL",
                    Long.class).setParameter("e", expert).getSingleResult()).intValue());
        }
        List<RemarkEntity> created = new ArrayList<>();
        Map<String, Integer> bySchool = new TreeMap<>();
        for (String school : new java.util.TreeSet<>(request.schools())) {
            List<Result> works = new ArrayList<>(store.results(spec.key(), school, spec.tasks().size()));
            works.removeIf(w -> taken.contains(Result.key(w.school(), w.participant())));
            Collections.shuffle(works, RANDOM);
            for (Result work : works.subList(0, Math.min(request.sample(), works.size()))) {
                // The expert with the least open work gets the next one.
                String expert = request.experts().stream().min(Comparator.comparing(load::get)).orElseThrow();
                load.merge(expert, 1, Integer::sum);
                created.add(new RemarkEntity(spec.key(), work.participant(), school, expert, ResultStore.scores(work.scores()), caller.login()));
                bySchool.merge(school, 1, Integer::sum);
            }
        }
        jpa.tx(em -> created.forEach(em::persist));
        Map<String, Integer> byExpert = new TreeMap<>();
        created.forEach(r -> byExpert.merge(r.expert(), 1, Integer::sum));
        audit.record("vpr.remarking.assign", spec.key(),
                TEXTS.ru("audit.remarking", created.size(), bySchool.size(), byExpert.size()));
        return new Assigned(created.size(), bySchool, byExpert);
    }

    public List<ExpertWork> mine() {
        Caller caller = CallerContext.require(Role.EXPERT);
        List<RemarkEntity> works = jpa.txExpr(em -> em.createQuery("SELECT r FROM RemarkEntity r WHERE r.expert = :e ORDER BY r.id",
                RemarkEntity.class).setParameter("e", caller.login()).getResultList());
        List<ExpertWork> result = new ArrayList<>();
        Map<String, TestSpec> known = new HashMap<>();
        for (RemarkEntity work : works) {
            TestSpec spec = known.computeIfAbsent(work.testKey(), this::spec);
            List<Integer> scores = new ArrayList<>();
            if (work.newScores() != null) {
                for (byte b : ResultStore.parse(work.newScores(), spec.tasks().size())) {
                    scores.add((int) b);
                }
            }
            result.add(new ExpertWork(work.id(), spec.key(), spec.subjectName(), spec.grade(), work.participant(), spec.tasks(), scores,
                    work.newScores() != null));
        }
        return result;
    }

    /** The expert's scores for one of their works; a work of another expert does not exist for them. */
    public ExpertWork remark(long id, List<Integer> scores) {
        Caller caller = CallerContext.require(Role.EXPERT);
        return jpa.txExpr(em -> {
            RemarkEntity work = em.find(RemarkEntity.class, id);
            if (work == null || !work.expert().equals(caller.login())) {
                throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "vpr.no-such-work");
            }
            TestSpec spec = spec(work.testKey());
            if (scores == null || scores.size() != spec.tasks().size()) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "vpr.score-every-task", spec.tasks().size());
            }
            byte[] bytes = new byte[scores.size()];
            for (int i = 0; i < bytes.length; i++) {
                Integer score = scores.get(i);
                TestSpec.Task task = spec.tasks().get(i);
                if (score == null || score < 0 || score > task.max()) {
                    throw TEXTS.refusal(ApiException.Kind.INVALID, "vpr.score", task.label(), task.max());
                }
                bytes[i] = score.byteValue();
            }
            work.remark(ResultStore.scores(bytes));
            return new ExpertWork(work.id(), spec.key(), spec.subjectName(), spec.grade(), work.participant(), spec.tasks(), scores, true);
        });
    }

    /** The report and, for the organisers, the active experts to choose from. */
    public Overview overview(String testKey) {
        Caller caller = CallerContext.require(REPORT_READERS);
        TestSpec spec = spec(testKey);
        List<RemarkReport.Work> works = jpa.txExpr(em -> em.createQuery("SELECT r FROM RemarkEntity r WHERE r.testKey = :t",
                RemarkEntity.class).setParameter("t", spec.key()).getResultList()).stream()
                .map(r -> new RemarkReport.Work(r.school(), r.expert(), ResultStore.parse(r.originalScores(), spec.tasks().size()),
                        r.newScores() == null ? null : ResultStore.parse(r.newScores(), spec.tasks().size())))
                .toList();
        List<String> experts = caller.hasAnyRole(ORGANISERS) ? experts() : List.of();
        return new Overview(experts, RemarkReport.of(spec, works));
    }

    private List<String> experts() {
        return users.activeContacts().stream().filter(c -> c.roles().contains(Role.EXPERT)).map(UserDirectory.Contact::login).toList();
    }

    private TestSpec spec(String key) {
        return specs.latest(key).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "vpr.unknown-test", key));
    }

}
