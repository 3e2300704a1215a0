package org.oko.users.internal.folders;

import static org.oko.users.internal.UsersTexts.TEXTS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.oko.platform.api.rest.ApiException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.users.internal.AccountIssuer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Electronic folders (seed 000 §3): in one action, a login with a one-time password for every
 * founder coordinator and for every active school under each founder, one folder per founder.
 * Federal and private schools, which no municipality founds, go into the regional centre's folder.
 * School accounts start inactive until their founder coordinator activates them.
 * <p>
 * One-time passwords live only in the folders held in memory here, until the server stops; the
 * database keeps their hashes only. A lost folder is generated again, which voids its old passwords.
 */
@Component(service = FolderService.class)
public class FolderService {

    private static final Logger LOG = LoggerFactory.getLogger(FolderService.class);

    /** The kind of the platform's jobs that generations are. */
    static final String JOB = "users.folders";

    /** A folder as listed: without its passwords. */
    public record Summary(String founderCode, String founderName, String coordinatorLogin, int schools, LocalDate issuedOn) {
    }

    @Reference
    private CatalogService catalog;

    @Reference
    private AccountIssuer issuer;

    @Reference
    private Jobs jobs;

    // Hashing a password (PBKDF2, 210,000 rounds) dominates; one worker per core keeps a region to about half a minute.
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), r -> new Thread(r, "oko-folders"));
    private final Map<String, Folder> folders = new ConcurrentHashMap<>();

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    /**
     * Starts generating the folders of the given founders (all founders when empty) as a platform job;
     * its done and total count accounts, its detail {@code folders} the folders.
     *
     * @throws IllegalArgumentException naming the founder codes that have no active school
     * @throws IllegalStateException while another generation runs
     */
    public synchronized Job start(Collection<String> founderCodes, String systemUrl, String address) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR);
        Optional<Job> running = jobs.jobs(JOB).stream().filter(j -> !j.ended()).findFirst();
        if (running.isPresent()) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "folders.running", running.get().done(), running.get().total());
        }
        Map<String, List<Organisation>> groups = groups();
        if (founderCodes != null && !founderCodes.isEmpty()) {
            TreeSet<String> unknown = new TreeSet<>(founderCodes);
            unknown.removeAll(groups.keySet());
            if (!unknown.isEmpty()) {
                throw TEXTS.refusal(ApiException.Kind.INVALID, "folders.founders-unknown", String.join(", ", unknown)).withField("founders");
            }
            groups.keySet().retainAll(founderCodes);
        }
        int total = groups.size() + groups.values().stream().mapToInt(List::size).sum();
        return jobs.start(JOB, TEXTS.ru("folders.job"), job -> {
            job.detail("folders", groups.size());
            job.progress(0, total);
            AtomicInteger done = new AtomicInteger();
            Runnable progress = () -> job.progress(done.incrementAndGet(), total);
            // The job's own thread waits while the workers hash passwords side by side.
            CompletableFuture.allOf(groups.entrySet().stream()
                    .map(group -> CompletableFuture.runAsync(() -> CallerContext.runAs(caller, () ->
                            folders.put(group.getKey(), build(group.getKey(), group.getValue(), systemUrl, address, progress))), workers))
                    .toArray(CompletableFuture[]::new)).join();
            LOG.info("Credential folders generated: {} folders, {} accounts", groups.size(), done.get());
        });
    }

    /** The latest generation, or an empty one ({@code NONE}) before the first. */
    public Map<String, Object> job() {
        CallerContext.require(Role.ADMINISTRATOR);
        List<Job> all = jobs.jobs(JOB);
        if (all.isEmpty()) {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("state", "NONE");
            none.put("done", 0);
            none.put("total", 0);
            none.put("folders", 0);
            return none;
        }
        return all.get(0).toMap();
    }

    public List<Summary> folders() {
        CallerContext.require(Role.ADMINISTRATOR);
        return folders.values().stream().sorted(Comparator.comparing(Folder::founderCode))
                .map(f -> new Summary(f.founderCode(), f.founderName(), f.coordinatorLogin(), f.schools().size(), f.issuedOn()))
                .toList();
    }

    public Optional<Folder> folder(String founderCode) {
        CallerContext.require(Role.ADMINISTRATOR);
        return Optional.ofNullable(folders.get(founderCode));
    }

    private Folder build(String founderCode, List<Organisation> schools, String systemUrl, String address, Runnable progress) {
        Organisation founder = catalog.organisation(founderCode).orElse(null);
        String founderName = founder == null ? founderCode : founder.shortName();
        Role coordinatorRole = founder != null && founder.kind() == OrganisationKind.REGIONAL_CENTRE
                ? Role.REGIONAL_COORDINATOR : Role.FOUNDER_COORDINATOR;
        String coordinator = login("coord", founderCode);
        String coordinatorPassword = issuer.issue(coordinator, TEXTS.ru("folders.coordinator-name", founderName), founderCode,
                EnumSet.of(coordinatorRole), true, address);
        progress.run();
        List<SchoolCredential> credentials = new ArrayList<>();
        for (Organisation school : schools) {
            String login = login("oo", school.code());
            String password = issuer.issue(login, TEXTS.ru("folders.school-coordinator-name", school.shortName()), school.code(),
                    EnumSet.of(Role.SCHOOL_COORDINATOR), false, address);
            credentials.add(new SchoolCredential(school.code(), school.shortName(), territoryName(school), login, password));
            progress.run();
        }
        return new Folder(founderCode, founderName, coordinator, coordinatorPassword, LocalDate.now(), systemUrl, credentials);
    }

    /** Active head schools (branches share their head's account) by founder code. */
    private Map<String, List<Organisation>> groups() {
        String centre = catalog.allOrganisations(new OrganisationFilter(null, null, null, OrganisationStatus.ACTIVE, OrganisationKind.REGIONAL_CENTRE, null))
                .stream().map(Organisation::code).findFirst().orElse(null);
        Map<String, List<Organisation>> groups = new LinkedHashMap<>();
        Map<String, Boolean> governing = new java.util.HashMap<>();
        for (Organisation school : catalog.allOrganisations(new OrganisationFilter(null, null, null, OrganisationStatus.ACTIVE, OrganisationKind.SCHOOL, null))) {
            String founder = school.founderCode() != null ? school.founderCode() : centre;
            if (founder != null && !founder.equals(centre) && !governing.computeIfAbsent(founder, this::governsSchools)) {
                // A founder coordinator belongs to an education authority only (AccountRules): other founders' schools go to the centre.
                founder = centre;
            }
            if (school.parentCode() == null && founder != null) {
                groups.computeIfAbsent(founder, k -> new ArrayList<>()).add(school);
            }
        }
        return groups;
    }

    private boolean governsSchools(String code) {
        return catalog.organisation(code).map(o -> o.kind() == OrganisationKind.MUNICIPAL_AUTHORITY
                || o.kind() == OrganisationKind.MINISTRY || o.kind() == OrganisationKind.REGIONAL_CENTRE).orElse(false);
    }

    private String territoryName(Organisation school) {
        return school.territoryCode() == null ? null
                : catalog.territory(school.territoryCode()).map(t -> t.name()).orElse(school.territoryCode());
    }

    /** "oo.9901001": a login made of a code, in the characters logins allow. */
    static String login(String prefix, String code) {
        return prefix + "." + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }
}
