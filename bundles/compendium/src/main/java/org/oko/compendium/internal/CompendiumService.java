package org.oko.compendium.internal;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Region;
import org.oko.compendium.internal.book.Book;
import org.oko.compendium.internal.book.BookBuilder;
import org.oko.compendium.internal.book.BookJson;
import org.oko.compendium.internal.book.ChapterSources;
import org.oko.compendium.internal.book.CompendiumSpec;
import org.oko.compendium.internal.book.CompendiumSpecType;
import org.oko.compendium.internal.render.Pdf;
import org.oko.compendium.internal.render.Stamp;
import org.oko.compendium.internal.render.Xlsx;
import org.oko.compendium.internal.store.Edition;
import org.oko.compendium.internal.store.EditionStore;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.oko.users.api.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The compendium's editions: built by the centre in a background job (chapters, then the PDF and the XLSX), approved,
 * published (the year's edition before it withdrawn), read by the centre and the ministry in every state and by
 * everyone once published ({@link Outputs}).
 */
@Component(service = CompendiumService.class)
public class CompendiumService {

    /** Who builds, approves and publishes: the regional centre. */
    public static final Role[] CENTRE = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};
    /** Who reads drafts and approved editions: the centre and the ministry it sends them to. */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL};
    public static final String JOB_KIND = "compendium.build";

    @Reference
    private Specs specs;

    /** Only to start once the spec kind is registered (the shipped spec is then published). */
    @Reference(target = "(" + SpecType.KIND + "=" + CompendiumSpecType.KIND + ")")
    private SpecType specType;

    @Reference
    private ChapterSources sources;

    @Reference
    private CatalogService catalog;

    @Reference
    private Jobs jobs;

    @Reference
    private AuditTrail audit;

    @Reference
    private UserDirectory users;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    private EditionStore store;

    @Activate
    void activate() {
        store = new EditionStore(dataSource);
    }

    EditionStore store() {
        return store;
    }

    public List<CompendiumSpec> specs() {
        CallerContext.require(READERS);
        return specs.latest(CompendiumSpecType.KIND).stream().map(s -> CompendiumSpecType.parse(s.json())).toList();
    }

    public CompendiumSpec publishSpec(String json) {
        CallerContext.require(CENTRE);
        return CompendiumSpecType.parse(specs.publish(CompendiumSpecType.KIND, json).json());
    }

    /** The chapter sources installed now, by name. */
    public List<String> sourceNames() {
        CallerContext.require(READERS);
        return List.copyOf(sources.names());
    }

    /** Starts building the year's compendium by the spec (its newest version; the first spec when none is named). */
    public Job build(Integer year, String specKey) {
        Caller caller = CallerContext.require(CENTRE);
        if (year == null || year < 2000 || year > 2100) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "compendium.year", String.valueOf(year));
        }
        CompendiumSpec spec = specs().stream().filter(s -> specKey == null || specKey.isBlank() || s.key().equals(specKey)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "compendium.no-spec", String.valueOf(specKey)));
        String title = spec.title().ru() + " — " + year;
        return jobs.start(JOB_KIND, title, job -> {
            Region region = CallerContext.callAs(Caller.SYSTEM, () -> catalog.region());
            Book book = BookBuilder.build(spec, new ApiMessage(region.name(), null), year, sources::source, job, 2);
            job.state("RENDERING");
            byte[] pdf = Pdf.render(book, new Stamp(store.nextEdition(year), Edition.DRAFT, null, null), "ru");
            job.progress(job.done() + 1, job.total());
            byte[] xlsx = Xlsx.render(book, "ru");
            Edition edition = store.add(year, spec.key(), spec.version(), title, caller.login(), BookJson.write(book), pdf, xlsx);
            job.progress(job.total(), job.total());
            job.detail("edition", edition.id());
            job.detail("number", edition.edition());
            job.detail("missing", book.missing());
            job.detail("chapters", book.chapters().size());
            job.detail("pdfBytes", pdf.length);
            job.detail("xlsxBytes", xlsx.length);
            audit.record("compendium.build", String.valueOf(edition.id()), TEXTS.ru("compendium.audit.build", String.valueOf(year), edition.edition()));
        });
    }

    public Job job(long id) {
        CallerContext.require(CENTRE);
        return jobs.job(JOB_KIND, id).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "compendium.no-job", id));
    }

    public List<Job> jobs() {
        CallerContext.require(CENTRE);
        return jobs.jobs(JOB_KIND);
    }

    public List<Edition> editions(Integer year) throws SQLException {
        CallerContext.require(READERS);
        return store.list(year);
    }

    public Edition edition(long id) throws SQLException {
        CallerContext.require(READERS);
        return found(id);
    }

    Edition found(long id) throws SQLException {
        return store.find(id).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "compendium.no-edition", id));
    }

    /** Approves a draft; its PDF is laid out anew with the approver on its title page and no draft mark. */
    public Edition approve(long id) throws Exception {
        Caller caller = CallerContext.require(CENTRE);
        Edition edition = found(id);
        if (!Edition.DRAFT.equals(edition.status())) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "compendium.not-draft", edition.edition(), edition.status());
        }
        Instant at = Instant.now();
        String name = nameOf(caller.login());
        Book book = BookJson.read(store.content(id, "BOOK").orElseThrow());
        byte[] pdf = Pdf.render(book, new Stamp(edition.edition(), Edition.APPROVED, name, at), "ru");
        if (!store.approve(id, caller.login(), name, at, pdf)) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "compendium.not-draft", edition.edition(), found(id).status());
        }
        audit.record("compendium.approve", String.valueOf(id), TEXTS.ru("compendium.audit.approve", String.valueOf(edition.year()), edition.edition()));
        return found(id);
    }

    /** The account's full name as the public reads it on the title page, or null: a login is never printed. */
    private String nameOf(String login) {
        return users.contact(login).map(UserDirectory.Contact::fullName).filter(n -> !n.isBlank()).map(String::trim).orElse(null);
    }

    /** Publishes an approved edition: the public catalogue shows it, and no longer the year's edition before it. */
    public Edition publish(long id) throws Exception {
        return change(id, "publish", "compendium.not-approved", (edition, caller) -> store.publish(id, edition.year(), caller.login()));
    }

    /** Takes a published edition back from the public. */
    public Edition withdraw(long id) throws Exception {
        return change(id, "withdraw", "compendium.not-published", (edition, caller) -> store.withdraw(id));
    }

    /** Deletes a draft; an approved or published edition stays, as the record of what was sent. */
    public void delete(long id) throws Exception {
        change(id, "delete", "compendium.not-draft", (edition, caller) -> store.deleteDraft(id));
    }

    /** A change of an edition's state in the store: false when the edition was not in the state it needs. */
    private interface Change {
        boolean apply(Edition edition, Caller caller) throws Exception;
    }

    /** A change by the centre, refused (409, naming the state found) when the edition is not in the state it needs, and audited. */
    private Edition change(long id, String action, String refusal, Change change) throws Exception {
        Caller caller = CallerContext.require(CENTRE);
        Edition edition = found(id);
        if (!change.apply(edition, caller)) {
            String now = store.find(id).map(Edition::status).orElse("—");
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, refusal, edition.edition(), now);
        }
        audit.record("compendium." + action, String.valueOf(id), TEXTS.ru("compendium.audit." + action, String.valueOf(edition.year()), edition.edition()));
        return store.find(id).orElse(edition);
    }

    /** The published editions, newest year first: open to everyone. */
    public List<Edition> published() throws SQLException {
        return store.list(null, Edition.PUBLISHED);
    }
}
