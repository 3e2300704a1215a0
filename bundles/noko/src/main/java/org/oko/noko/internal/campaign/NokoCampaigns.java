package org.oko.noko.internal.campaign;

import static org.oko.noko.internal.NokoTexts.TEXTS;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.noko.internal.NokoData;
import org.oko.noko.internal.method.Method;
import org.oko.noko.internal.method.Methods;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.Campaigns;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A year's campaign: the organisations to assess (by default those not assessed in the last three years), the
 * operator's accounts, the dates — carried as a campaign of the scheduling bundle, whose dashboards and reminders
 * show them — and its states. Each organisation gets an unguessable survey token for its public link.
 */
@Component(service = NokoCampaigns.class)
public class NokoCampaigns {

    public static final Role[] CENTRE = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};
    /** Who reads campaigns: everyone but observers of one school; the operator's accounts are usually experts. */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR,
            Role.SCHOOL_COORDINATOR, Role.EXPERT, Role.OBSERVER};
    /** Every organisation is assessed at least once in this many years (273-ФЗ, art. 95.2). */
    public static final int COVERAGE_YEARS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    private NokoData data;

    @Reference
    private Methods methods;

    @Reference
    private CatalogService catalog;

    @Reference
    private Campaigns scheduling;

    @Reference
    private AuditTrail audit;

    /**
     * What a new campaign asks for.
     *
     * @param organisations the schools to assess; empty: every school due by the three-year rule
     * @param operators     the logins of the operator's accounts
     */
    public record Request(int year, String title, String method, LocalDate surveyFrom, LocalDate surveyTo, LocalDate checksBy, LocalDate plansBy,
                          List<String> organisations, List<String> operators) {
    }

    public Campaign create(Request r) throws Exception {
        Caller caller = CallerContext.require(CENTRE);
        if (r == null || r.year() < 2000 || r.surveyFrom() == null || r.surveyTo() == null || r.checksBy() == null || r.plansBy() == null
                || r.surveyTo().isBefore(r.surveyFrom()) || r.plansBy().isBefore(r.surveyTo())) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.campaign.dates");
        }
        if (data.campaigns().find(r.year()).isPresent()) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.campaign.exists", String.valueOf(r.year()));
        }
        Method method = methods.newest(r.method() == null || r.method().isBlank() ? "federal" : r.method());
        Map<String, Organisation> schools = catalog.regionSchools();
        List<String> chosen = r.organisations() == null || r.organisations().isEmpty()
                ? coverage(r.year(), schools).stream().filter(Coverage::due).map(Coverage::organisation).toList() : r.organisations();
        List<String> unknown = chosen.stream().filter(code -> !schools.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.campaign.unknown-schools", String.join(", ", unknown));
        }
        if (chosen.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "noko.campaign.nobody");
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        chosen.forEach(code -> tokens.put(code, token()));
        Campaign campaign = new Campaign(r.year(), r.title() == null || r.title().isBlank() ? TEXTS.ru("noko.campaign.title", String.valueOf(r.year()))
                : r.title(), method.key(), method.version(), Campaign.OPEN, r.surveyFrom(), r.surveyTo(), r.checksBy(), r.plansBy(),
                r.operators() == null ? List.of() : r.operators(), caller.login(), Instant.now(), null);
        data.campaigns().create(campaign, tokens);
        data.campaignsChanged();
        schedule(campaign);
        audit.record("noko.campaign", String.valueOf(r.year()), TEXTS.ru("noko.audit.campaign", String.valueOf(r.year()), tokens.size()));
        return campaign;
    }

    /** The campaign's deadlines as a scheduling campaign (noko-&lt;year&gt;), so dashboards and reminders show them. */
    private void schedule(Campaign c) throws Exception {
        if (scheduling.exists(c.schedulingCode())) {
            return;
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("code", c.schedulingCode());
        definition.put("title", c.title());
        definition.put("year", c.year());
        definition.put("steps", List.of(
                step("checks", TEXTS.ru("noko.step.checks"), "EXPERT", c.checksBy()),
                step("survey", TEXTS.ru("noko.step.survey"), "REGIONAL_COORDINATOR", c.surveyTo()),
                step("plans", TEXTS.ru("noko.step.plans"), "SCHOOL_COORDINATOR", c.plansBy())));
        CallerContext.callAs(Caller.SYSTEM, () -> scheduling.create(JSON.writeValueAsString(definition)));
    }

    private static Map<String, Object> step(String id, String title, String responsible, LocalDate on) {
        return Map.of("id", id, "title", title, "responsible", responsible, "deadline", Map.of("on", on.toString()));
    }

    /** A school's place in the three-year rule: the last year it was assessed, and whether it is due in {@code year}. */
    public record Coverage(String organisation, String name, String territory, Integer lastAssessed, boolean due) {
    }

    public List<Coverage> coverage(int year) throws Exception {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL, Role.FOUNDER_COORDINATOR);
        return coverage(year, catalog.regionSchools()).stream().filter(c -> caller.scope().contains(c.organisation())).toList();
    }

    private List<Coverage> coverage(int year, Map<String, Organisation> schools) throws Exception {
        Map<String, Integer> last = data.campaigns().lastAssessed(year);
        List<Coverage> all = new ArrayList<>();
        new TreeMap<>(schools).forEach((code, school) -> {
            Integer assessed = last.get(code);
            all.add(new Coverage(code, school.shortName() == null ? school.fullName() : school.shortName(), school.territoryCode(), assessed,
                    assessed == null || assessed <= year - COVERAGE_YEARS));
        });
        return all;
    }

    public List<Campaign> all() throws Exception {
        CallerContext.require(READERS);
        return data.campaigns().all();
    }

    /** The campaign, or 404. */
    public Campaign campaign(int year) throws Exception {
        CallerContext.require(READERS);
        return data.campaigns().find(year)
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "noko.no-such-campaign", String.valueOf(year)));
    }

    /** Whether the caller is one of the campaign's operator accounts. */
    public static boolean operator(Caller caller, Campaign campaign) {
        return caller.login() != null && campaign.operators().contains(caller.login());
    }

    /** Closes the survey (results are final) or publishes the results. */
    public Campaign moveTo(int year, String state) throws Exception {
        CallerContext.require(CENTRE);
        Campaign campaign = campaign(year);
        boolean forward = Campaign.CLOSED.equals(state) && Campaign.OPEN.equals(campaign.state())
                || Campaign.PUBLISHED.equals(state) && !Campaign.PUBLISHED.equals(campaign.state());
        if (!forward) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "noko.campaign.state", campaign.state(), String.valueOf(state));
        }
        data.campaigns().state(year, state, Campaign.PUBLISHED.equals(state) ? Instant.now() : null);
        data.campaignsChanged();
        audit.record("noko.campaign", String.valueOf(year), TEXTS.ru("noko.audit.state", String.valueOf(year), state));
        return campaign(year);
    }

    /** A new survey token: 24 random bytes, URL-safe. */
    static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
