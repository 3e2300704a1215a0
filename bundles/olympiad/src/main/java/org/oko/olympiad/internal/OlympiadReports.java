package org.oko.olympiad.internal;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oko.olympiad.internal.admission.Admission;
import org.oko.olympiad.internal.flags.FlagRules;
import org.oko.olympiad.internal.flags.OlympiadFlags;
import org.oko.olympiad.internal.report.Tally;
import org.oko.olympiad.internal.rules.Judgement;
import org.oko.olympiad.internal.rules.Participation;
import org.oko.olympiad.internal.rules.Scores;
import org.oko.olympiad.internal.rules.Status;
import org.oko.olympiad.internal.year.OlympiadYear;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.procedure.api.Flag;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * What the olympiad's figures say, each within the caller's scope: the counts per school, territory and
 * region, the admission lists to the next stage, the files' statuses the rules would not give, the rankings
 * the rules could not decide, the signs of non-objective results and a school's participations.
 */
@Component(service = OlympiadReports.class, configurationPid = "org.oko.olympiad")
@Designate(ocd = FlagRules.class)
public class OlympiadReports {

    /** Who reads: aggregates of territories and the region for all, a school's figures within the caller's scope. */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR, Role.OBSERVER};
    /** Who reads admission lists and the disagreements: the organisers, each within scope. */
    public static final Role[] ORGANISERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR};
    /** Who reads the signs on schools: the centre, the ministry and founders (as for ВПР), never the school itself. */
    public static final Role[] FLAG_READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR};

    @Reference
    private Snapshots snapshots;

    private volatile OlympiadFlags flags;

    @Activate
    @Modified
    void configure(FlagRules rules) {
        flags = new OlympiadFlags(rules);
    }

    /** A year's counts: the school's (when asked, within scope), its territory's or the given one's, and the region's. */
    public record Report(int year, Tally school, Tally territory, Tally region) {
    }

    public Report counts(int year, String school, String territory) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (school != null && !caller.scope().contains(school)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "olympiad.no-such-school", school);
        }
        Snapshots.Snapshot snapshot = snapshots.of(year);
        String t = school != null && snapshot.territoryOf().apply(school) != null ? snapshot.territoryOf().apply(school) : territory;
        return new Report(year, school == null ? null : snapshot.levels().school(school), t == null ? null : snapshot.levels().territory(t),
                snapshot.levels().region());
    }

    /** Every school's counts within the caller's scope, by code. */
    public Map<String, Tally> schoolCounts(int year) throws Exception {
        Caller caller = CallerContext.require(READERS);
        Map<String, Tally> within = new TreeMap<>();
        snapshots.of(year).levels().schools().forEach((code, tally) -> {
            if (caller.scope().contains(code)) {
                within.put(code, tally);
            }
        });
        return within;
    }

    /** Every territory's counts: aggregates, open to every reader like the region's. */
    public Map<String, Tally> territoryCounts(int year) throws Exception {
        CallerContext.require(READERS);
        return new TreeMap<>(snapshots.of(year).levels().territories());
    }

    /** A school's counts for form 13's calculator, which runs as the system: no caller's check here. */
    public Tally schoolTally(String school, int year) throws Exception {
        return snapshots.of(year).levels().school(school);
    }

    /** The stage names of a year, by code, for the answers' labels. */
    public OlympiadYear year(int year) throws Exception {
        OlympiadYear spec = snapshots.of(year).year();
        if (spec == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "olympiad.no-such-year", String.valueOf(year));
        }
        return spec;
    }

    /** Who is admitted to the stage after {@code stage}, within the caller's scope (and of one territory when asked). */
    public Admission.Result admission(int year, String stage, String territory) throws Exception {
        Caller caller = CallerContext.require(ORGANISERS);
        Snapshots.Snapshot now = snapshots.of(year);
        OlympiadYear spec = year(year);
        if (spec.stage(stage).isEmpty() || spec.next(stage).isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "olympiad.no-next-stage", stage == null ? "" : stage);
        }
        Snapshots.Snapshot last = snapshots.of(year - 1);
        Admission.Result all = Admission.of(spec, stage, now.participations(), now.scores(), last.participations(), last.judged(),
                now.territoryOf());
        return new Admission.Result(all.stage(), all.next(), all.admitted().stream()
                .filter(a -> caller.scope().contains(a.school()) && (territory == null || territory.equals(a.territory()))).toList(),
                all.noPassingScore().stream().filter(m -> territory == null || territory.equals(m.territory())).toList());
    }

    /** A file's status the rules would not give, within the caller's scope. */
    public List<Judgement.Disagreement> disagreements(int year) throws Exception {
        Caller caller = CallerContext.require(ORGANISERS);
        return snapshots.of(year).judged().disagreements().stream().filter(d -> caller.scope().contains(d.participation().school()))
                .sorted(Comparator.comparing((Judgement.Disagreement d) -> d.participation().stage())
                        .thenComparing(d -> d.participation().school()).thenComparing(d -> d.participation().subject())).toList();
    }

    /** Rankings the rules could not decide in full (no maximum score, a tie across the quota's edge). */
    public List<Judgement.Undecided> undecided(int year) throws Exception {
        Caller caller = CallerContext.require(ORGANISERS);
        Snapshots.Snapshot snapshot = snapshots.of(year);
        return snapshot.judged().undecided().stream().filter(u -> caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR,
                Role.MINISTRY_OFFICIAL) || caller.scope().contains(u.unit())).toList();
    }

    /** The signs on schools within the caller's scope, by school code. */
    public Map<String, List<Flag>> flags(int year) throws Exception {
        Caller caller = CallerContext.require(FLAG_READERS);
        Snapshots.Snapshot snapshot = snapshots.of(year);
        Map<String, List<Flag>> within = new TreeMap<>();
        flags.judge(snapshot.levels(), snapshot.participations(), snapshot.scores(), snapshot.territoryOf(), snapshot::stageName)
                .forEach((school, list) -> {
                    if (caller.scope().contains(school)) {
                        within.put(school, list);
                    }
                });
        return within;
    }

    /** One participation of a school with its status and the rules' own. */
    public record Line(String participant, String stage, String subject, int grade, java.math.BigDecimal score, Status status,
                       Status fileStatus, Status computed) {
    }

    /** A school's participations of a year, within the caller's scope. */
    public List<Line> participations(String school, int year) throws Exception {
        Caller caller = CallerContext.require(READERS);
        if (school == null || !caller.scope().contains(school)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "olympiad.no-such-school", school == null ? "" : school);
        }
        Snapshots.Snapshot snapshot = snapshots.of(year);
        return snapshot.participations().stream().filter(p -> p.school().equals(school))
                .sorted(Comparator.comparing(Participation::stage).thenComparing(Participation::subject).thenComparing(Participation::grade)
                        .thenComparing(Participation::score, Comparator.reverseOrder()).thenComparing(Participation::participant))
                .map(p -> new Line(p.participant(), p.stage(), p.subject(), p.grade(), p.score(), snapshot.judged().status(p), p.fileStatus(),
                        snapshot.judged().computed(p).orElse(null))).toList();
    }

    /** A year's scores as set (every reader sees them: they are published by the organisers). */
    public List<Scores.Setting> scores(int year) throws Exception {
        CallerContext.require(READERS);
        return snapshots.of(year).scores().all();
    }
}
