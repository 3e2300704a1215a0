package org.oko.publication.internal;

import static org.oko.publication.internal.PublicationTexts.TEXTS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.procedure.api.PublicResults;
import org.oko.procedure.api.PublicTable;
import org.oko.procedure.api.ResultsImporter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public school catalogue: every open school's card, found by name, code or territory, with the results of the
 * procedures the region publishes ({@link PublicationSettings}), read from the modules' {@link PublicResults}
 * (whiteboard). Read as the system with nobody logged in, so it answers only what the card holds: the catalog's public
 * facts (no ИНН/ОГРН, no status history) and aggregates the modules give.
 */
@Component(service = PublicCatalog.class, configurationPid = "org.oko.publication")
@Designate(ocd = PublicationSettings.class)
public class PublicCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PublicCatalog.class);
    static final int MAX_PAGE = 100;

    @Reference
    private CatalogService catalog;

    private final Map<String, PublicResults> sources = new ConcurrentHashMap<>();
    private volatile PublicationSettings settings;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(PublicResults source, Map<String, Object> properties) {
        Object procedure = properties.get(ResultsImporter.PROCEDURE);
        if (procedure instanceof String code && !code.isBlank()) {
            sources.put(code, source);
        } else {
            LOG.warn("Public results without the {} property are ignored: {}", ResultsImporter.PROCEDURE, source);
        }
    }

    void removeSource(PublicResults source, Map<String, Object> properties) {
        sources.remove(String.valueOf(properties.get(ResultsImporter.PROCEDURE)), source);
    }

    @Activate
    @Modified
    void configure(PublicationSettings settings) {
        this.settings = settings;
    }

    public int maxAge() {
        return Math.max(0, settings.max_age());
    }

    /** A school in the list: what a search shows. */
    public record Line(String code, String name, String territoryCode, String territory, String address, List<String> levels) {
    }

    /** A page of schools and how many match. */
    public record Found(List<Line> items, int total, int page, int size) {
    }

    /** The territories that have open schools, by name. */
    public List<Territory> territories() {
        Set<String> used = new java.util.HashSet<>();
        schools().values().forEach(s -> used.add(s.territoryCode()));
        return kept().territories().stream().filter(t -> used.contains(t.code()))
                .sorted(Comparator.comparing(Territory::name)).toList();
    }

    /** Open schools whose name or code holds {@code query} (any case; all when blank), in a territory if given. */
    public Found search(String query, String territory, int page, int size) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
        Map<String, String> territoryNames = territoryNames();
        List<Organisation> matching = schools().values().stream()
                .filter(s -> territory == null || territory.isBlank() || territory.equals(s.territoryCode()))
                .filter(s -> q.isEmpty() || s.code().toLowerCase(Locale.ROOT).contains(q) || s.fullName().toLowerCase(Locale.ROOT).contains(q)
                        || s.shortName() != null && s.shortName().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((Organisation s) -> name(s)).thenComparing(Organisation::code)).toList();
        int from = (int) Math.min((long) Math.max(0, page) * pageSize, matching.size()); // long: a huge page is past the end
        List<Line> items = matching.subList(from, Math.min(from + pageSize, matching.size())).stream()
                .map(s -> new Line(s.code(), name(s), s.territoryCode(), territoryNames.get(s.territoryCode()), s.address(), levels(s))).toList();
        return new Found(items, matching.size(), Math.max(0, page), pageSize);
    }

    /** A published procedure's part of a card. */
    public record Section(String procedure, ApiMessage title, List<PublicTable> tables) {
    }

    /**
     * A school's card: the catalog's public facts, its contacts (each null when not known; the website only when it is
     * an http or https address, the only kind the page links) and the published procedures' results.
     */
    public record Card(String code, String fullName, String shortName, String address, String territoryCode, String territory,
                       String founder, String settlement, List<String> levels, String phone, String email, String website,
                       List<Section> results) {
    }

    /** @throws ApiException NOT_FOUND when no open school has the code */
    public Card card(String code) {
        Organisation school = school(code);
        List<Section> results = new ArrayList<>();
        for (String procedure : published()) {
            try {
                Section section = section(school, procedure);
                if (section != null && !section.tables().isEmpty()) {
                    results.add(section);
                }
            } catch (ApiException failed) { // logged: one module's failure leaves the card and the other procedures' parts
                continue;
            }
        }
        Organisation founder = school.founderCode() == null ? null
                : CallerContext.asSystem(() -> catalog.organisation(school.founderCode())).orElse(null);
        Contacts contacts = kept().contacts().getOrDefault(school.code(), Contacts.NONE);
        return new Card(school.code(), school.fullName(), school.shortName(), school.address(), school.territoryCode(),
                territoryNames().get(school.territoryCode()), founder == null ? null : name(founder),
                school.settlementType() == null ? null : school.settlementType().label(), levels(school),
                contacts.phone(), contacts.email(), linkable(contacts.website()), results);
    }

    /**
     * One procedure's part of a school's card.
     *
     * @throws ApiException NOT_FOUND when the school is not in the catalogue, or the region does not publish the
     *                      procedure, or the module is not installed, or it has nothing of this school
     */
    public Section results(String code, String procedure) {
        Organisation school = school(code);
        Section section = published().contains(procedure) ? section(school, procedure) : null;
        if (section == null || section.tables().isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "publication.not-published", code, procedure);
        }
        return section;
    }

    /** The published procedures whose module is installed, in the settings' order. */
    List<String> published() {
        List<String> published = new ArrayList<>();
        for (String entry : settings.procedures()) { // a .cfg file gives one string: "vpr, noko"
            for (String procedure : entry.split(",")) {
                String code = procedure.strip();
                if (!code.isEmpty() && sources.containsKey(code) && !published.contains(code)) {
                    published.add(code);
                }
            }
        }
        return published;
    }

    private Section section(Organisation school, String procedure) {
        PublicResults source = sources.get(procedure);
        if (source == null) {
            return null;
        }
        try {
            List<PublicTable> tables = CallerContext.callAs(Caller.SYSTEM, () -> source.school(school.code(), Math.max(1, settings.min_group())));
            return new Section(procedure, source.title(), tables == null ? List.of() : tables);
        } catch (Exception e) {
            LOG.error("The public results of {} for school {} failed", procedure, school.code(), e);
            throw TEXTS.refusal(ApiException.Kind.UNAVAILABLE, "publication.results-failed", procedure);
        }
    }

    private Organisation school(String code) {
        Organisation school = code == null ? null : schools().get(code);
        if (school == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "publication.no-such-school", code);
        }
        return school;
    }

    /** The catalog as the public sees it. */
    private record Read(Map<String, Organisation> schools, List<Territory> territories, Map<String, String> territoryNames,
                        Map<String, Contacts> contacts) {
    }

    /** Read at most every 10 s (as the forms keep organisation facts): a page may lag by that. */
    private final Kept<String, Read> kept = Kept.of(Duration.ofSeconds(10), 1);

    private Read kept() {
        try {
            return kept.get("catalog", null, this::read);
        } catch (Exception e) {
            throw new IllegalStateException("The catalog's schools could not be read", e);
        }
    }

    private Read read() throws Exception {
        Map<String, Organisation> open = new LinkedHashMap<>(); // a closed school has no card
        CallerContext.callAs(Caller.SYSTEM, () -> catalog.regionSchools()).forEach((code, school) -> {
            if (school.status() == OrganisationStatus.ACTIVE) {
                open.put(code, school);
            }
        });
        List<Territory> territories = CallerContext.asSystem(() -> catalog.territories());
        Map<String, String> names = new HashMap<>();
        territories.forEach(t -> names.put(t.code(), t.name()));
        Map<String, Contacts> contacts = CallerContext.asSystem(() -> catalog.allContacts()); // one read, not one per card
        // not Map.copyOf for the names: a school without a territory asks for null
        return new Read(java.util.Collections.unmodifiableMap(open), List.copyOf(territories), java.util.Collections.unmodifiableMap(names),
                Map.copyOf(contacts));
    }

    private Map<String, Organisation> schools() {
        return kept().schools();
    }

    private Map<String, String> territoryNames() {
        return kept().territoryNames();
    }

    /** An http(s) address, or null: the catalog checks websites when they are written, the public page checks again. */
    static String linkable(String website) {
        if (website == null) {
            return null;
        }
        String lower = website.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? website : null;
    }

    private static String name(Organisation organisation) {
        return organisation.shortName() == null || organisation.shortName().isBlank() ? organisation.fullName() : organisation.shortName();
    }

    private static List<String> levels(Organisation school) {
        return school.levels().stream().map(EducationLevel::label).toList();
    }
}
