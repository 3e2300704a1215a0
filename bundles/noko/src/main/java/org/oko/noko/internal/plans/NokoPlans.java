package org.oko.noko.internal.plans;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.oko.noko.internal.NokoData;
import org.oko.noko.internal.campaign.Campaign;
import org.oko.noko.internal.campaign.NokoCampaigns;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.Campaigns;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Remedy plans: once the results are in, the organisation writes its plan (shortcoming, measure, deadline,
 * responsible) and sends it to its founder, who approves it or returns it with a note; the organisation then
 * reports on each measure, and the founder sees the measures past their deadline. Every change names the plan's
 * version it was made on, so two people never overwrite each other silently.
 */
@Component(service = NokoPlans.class)
public class NokoPlans {

    private static final int MAX_TEXT = 1000;

    @Reference
    private NokoData data;

    @Reference
    private NokoCampaigns campaigns;

    @Reference
    private Campaigns scheduling;

    @Reference
    private AuditTrail audit;

    /** The organisation's plan; an empty draft (version 0) while none is written. */
    public Plan plan(int year, String organisation) throws Exception {
        Caller caller = CallerContext.require(NokoCampaigns.READERS);
        Campaign campaign = campaigns.campaign(year);
        if (!caller.scope().contains(organisation) && !NokoCampaigns.operator(caller, campaign) || !targets(year).contains(organisation)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-organisation", organisation);
        }
        return stored(year, organisation).orElse(new Plan(year, organisation, Plan.DRAFT, null, 0, null, null, null, null, List.of()));
    }

    /** What the organisation writes of a measure. */
    public record Draft(String shortcoming, String measure, LocalDate deadline, String responsible) {
    }

    public Plan save(int year, String organisation, int version, List<Draft> drafts) throws Exception {
        Caller caller = author(year, organisation);
        Plan plan = plan(year, organisation);
        if (!Plan.DRAFT.equals(plan.state()) && !Plan.RETURNED.equals(plan.state())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.plan.not-editable");
        }
        if (drafts == null || drafts.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.plan.no-measures");
        }
        List<Plan.Measure> measures = new ArrayList<>();
        for (Draft d : drafts) {
            if (blank(d.shortcoming()) || blank(d.measure()) || blank(d.responsible()) || d.deadline() == null) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.plan.measure-incomplete", measures.size() + 1);
            }
            measures.add(new Plan.Measure(measures.size() + 1, cut(d.shortcoming()), cut(d.measure()), d.deadline(), cut(d.responsible()), null, null,
                    null, null));
        }
        return write(new Plan(year, organisation, plan.state(), plan.note(), version + 1, caller.login(), Instant.now(), plan.decidedBy(),
                plan.decidedAt(), measures), version);
    }

    public Plan submit(int year, String organisation, int version) throws Exception {
        Caller caller = author(year, organisation);
        Plan plan = plan(year, organisation);
        if (plan.version() == 0 || !Plan.DRAFT.equals(plan.state()) && !Plan.RETURNED.equals(plan.state())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.plan.not-editable");
        }
        audit.record("noko.plan", year + " " + organisation, TEXTS.ru("noko.audit.plan-submitted", organisation));
        return write(with(plan, Plan.SUBMITTED, plan.note(), caller, false), version);
    }

    /** The founder's (or the centre's) decision on a submitted plan: approved, or returned with a note. */
    public Plan decide(int year, String organisation, int version, boolean approve, String note) throws Exception {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        if (!caller.scope().contains(organisation)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-organisation", organisation);
        }
        Plan plan = plan(year, organisation);
        if (!Plan.SUBMITTED.equals(plan.state())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.plan.not-submitted");
        }
        if (!approve && blank(note)) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.plan.note-needed");
        }
        audit.record("noko.plan", year + " " + organisation, TEXTS.ru(approve ? "noko.audit.plan-approved" : "noko.audit.plan-returned", organisation));
        return write(with(plan, approve ? Plan.APPROVED : Plan.RETURNED, approve ? plan.note() : cut(note), caller, true), version);
    }

    /** The organisation's report on a measure of its approved plan. */
    public Plan report(int year, String organisation, int version, int position, String result, LocalDate doneOn) throws Exception {
        Caller caller = author(year, organisation);
        Plan plan = plan(year, organisation);
        if (!Plan.APPROVED.equals(plan.state())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.plan.not-approved");
        }
        if (blank(result) || doneOn == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.plan.report-incomplete");
        }
        if (plan.measures().stream().noneMatch(m -> m.position() == position)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.plan.no-such-measure", position);
        }
        List<Plan.Measure> measures = plan.measures().stream().map(m -> m.position() != position ? m : new Plan.Measure(m.position(),
                m.shortcoming(), m.measure(), m.deadline(), m.responsible(), cut(result), doneOn, caller.login(), Instant.now())).toList();
        return write(new Plan(year, organisation, plan.state(), plan.note(), version + 1, caller.login(), Instant.now(), plan.decidedBy(),
                plan.decidedAt(), measures), version);
    }

    /** A measure past its deadline and not reported, with its organisation. */
    public record Overdue(String organisation, Plan.Measure measure) {
    }

    /** The overdue measures of approved plans within the caller's scope (founders, the centre). */
    public List<Overdue> overdue(int year) throws Exception {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR);
        campaigns.campaign(year);
        LocalDate today = scheduling.today();
        List<Overdue> overdue = new ArrayList<>();
        for (Plan plan : data.plans().plans(year, null)) {
            if (Plan.APPROVED.equals(plan.state()) && caller.scope().contains(plan.organisation())) {
                plan.measures().stream().filter(m -> m.overdue(today)).forEach(m -> overdue.add(new Overdue(plan.organisation(), m)));
            }
        }
        return overdue;
    }

    /** Every plan of a campaign within the caller's scope, for the founder's and the centre's lists. */
    public List<Plan> plans(int year) throws Exception {
        Caller caller = CallerContext.require(NokoCampaigns.READERS);
        campaigns.campaign(year);
        return data.plans().plans(year, null).stream().filter(p -> caller.scope().contains(p.organisation())).toList();
    }

    /** An approved plan of a published campaign, for the public page; empty otherwise. */
    public Optional<Plan> published(int year, String organisation) throws Exception {
        Optional<Campaign> campaign = data.campaigns().find(year);
        if (campaign.isEmpty() || !Campaign.PUBLISHED.equals(campaign.get().state())) {
            return Optional.empty();
        }
        return stored(year, organisation).filter(p -> Plan.APPROVED.equals(p.state()));
    }

    private Plan with(Plan plan, String state, String note, Caller caller, boolean decision) {
        return new Plan(plan.year(), plan.organisation(), state, note, plan.version() + 1, caller.login(), Instant.now(),
                decision ? caller.login() : plan.decidedBy(), decision ? Instant.now() : plan.decidedAt(), plan.measures());
    }

    private Plan write(Plan plan, int expectedVersion) throws Exception {
        if (!data.plans().save(plan, expectedVersion)) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.plan.changed");
        }
        return plan;
    }

    /** The organisation's coordinator (or the centre) writes its plan, once the campaign's results are in. */
    private Caller author(int year, String organisation) throws Exception {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.SCHOOL_COORDINATOR);
        if (!caller.scope().contains(organisation) || !targets(year).contains(organisation)) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-organisation", organisation);
        }
        if (Campaign.OPEN.equals(campaigns.campaign(year).state())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.plan.too-early");
        }
        return caller;
    }

    private java.util.Set<String> targets(int year) throws Exception {
        return data.campaigns().targets(year).keySet();
    }

    private Optional<Plan> stored(int year, String organisation) throws Exception {
        return data.plans().find(year, organisation);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String cut(String text) {
        String trimmed = text.trim();
        return trimmed.length() > MAX_TEXT ? trimmed.substring(0, MAX_TEXT) : trimmed;
    }
}
