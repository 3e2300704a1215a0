package org.oko.platform.internal.modules;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.HealthService;
import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.internal.ImportFit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Modules from repositories: the administrator adds a repository by URL (an HTTP server or a folder
 * holding {@value RepositoryIndex#FILE}), sees its modules, installs one, upgrades it and rolls back
 * ({@link ModulePublisher} is the other side: this installation's own repository). A module comes as a
 * KAR: it is checked before anything is installed (an OKO module, no core bundle, every
 * {@code Import-Package} fitting this OKO), its Maven layout goes under {@code data/kar/} where
 * pax-url reads it, and its feature is installed without refreshing anything (STACK.md, pitfall 10).
 * Every KAR installed is kept under {@code data/oko-modules/}, so that a rollback needs no network.
 */
@Component(service = ModuleRepositories.class)
public class ModuleRepositories {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRepositories.class);
    public static final long MAX_KAR_BYTES = RepositoryClient.MAX_KAR_BYTES;
    private static final EnumSet<FeaturesService.Option> INSTALL = EnumSet.of(
            FeaturesService.Option.NoAutoRefreshBundles, FeaturesService.Option.Upgrade);

    @Reference
    private FeaturesService features;

    @Reference
    private HealthService health;

    @Reference(target = "(osgi.jndi.service.name=oko)")
    private DataSource dataSource;

    private BundleContext context;
    private ModuleRecords records;
    private Path kept;
    private Path karRepositories;
    private final RepositoryClient client = new RepositoryClient();

    /** A module version a repository offers, with what is installed here. */
    public record Offer(String feature, String version, String name, String description, String installedVersion) {
    }

    /** What an install, upgrade or rollback did. */
    public record Outcome(String action, String feature, String version, String previousVersion, ModuleInfo module) {
    }

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.records = new ModuleRecords(dataSource);
        Path data = Path.of(System.getProperty("karaf.data", "data"));
        this.kept = data.resolve("oko-modules");
        this.karRepositories = data.resolve("kar"); // pax-url's kar.repository (@multi): each sub-folder a Maven repository
    }

    public List<ModuleRecords.Repository> repositories() throws SQLException {
        CallerContext.require(Role.ADMINISTRATOR);
        return records.repositories();
    }

    /** Adds a repository after reading its index; the index's problem is the answer when it cannot be read. */
    public ModuleRecords.Repository add(String url) throws SQLException {
        CallerContext.require(Role.ADMINISTRATOR);
        String normalised = RepositoryClient.normalise(url);
        client.index(normalised);
        records.addRepository(normalised, CallerContext.current().login());
        LOG.info("Module repository {} added by {}", normalised, CallerContext.current().login());
        return records.repositories().stream().filter(r -> r.url().equals(normalised)).findFirst().orElseThrow();
    }

    /** Removes a repository; one that is not there is removed already (a repeated DELETE answers the same). */
    public void remove(String url) throws SQLException {
        CallerContext.require(Role.ADMINISTRATOR);
        records.removeRepository(RepositoryClient.normalise(url));
    }

    /** The modules a repository offers, newest version last, with the version installed here. */
    public List<Offer> offers(String url) {
        CallerContext.require(Role.ADMINISTRATOR);
        RepositoryIndex index = client.index(RepositoryClient.normalise(url));
        return index.modules().stream()
                .sorted(java.util.Comparator.comparing(RepositoryIndex.Entry::feature).thenComparing(e -> RepositoryIndex.version(e.version())))
                .map(e -> new Offer(e.feature(), e.version(), e.name(), e.description(), installedVersion(e.feature())
                        .map(v -> RepositoryIndex.same(v, e.version()) ? e.version() : v).orElse(null)))
                .toList();
    }

    /** Installs a module version from a repository, or upgrades (or downgrades) the installed one to it. */
    public Outcome install(String url, String feature, String version) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        String repository = RepositoryClient.normalise(url);
        RepositoryIndex.Entry entry = client.index(repository).modules().stream()
                .filter(e -> e.feature().equals(feature) && e.version().equals(version)).findFirst()
                .orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "module.repository-has-no", feature, version));
        if (installedVersion(feature).filter(v -> RepositoryIndex.same(v, version)).isPresent()) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "module.already-installed", feature, version);
        }
        Path kar = client.download(URI.create(repository).resolve(entry.kar()), entry.sha256());
        Path keep = kept.resolve(feature + "-" + version + ".kar");
        Files.createDirectories(kept);
        try {
            check(kar, feature, version);
            Files.move(kar, keep, StandardCopyOption.REPLACE_EXISTING);
            return installChecked(KarArchive.read(keep), keep, feature, version, repository, null);
        } finally {
            Files.deleteIfExists(kar);
        }
    }

    /** Goes back to the version that was installed before the current one, from the KAR kept then. */
    public Outcome rollback(String feature) throws Exception {
        CallerContext.require(Role.ADMINISTRATOR);
        String current = installedVersion(feature).orElseThrow(() ->
                TEXTS.refusal(ApiException.Kind.NOT_FOUND, "module.not-installed", feature));
        List<ModuleRecords.Install> history = records.installs(feature);
        int made = -1;
        for (int i = 0; i < history.size() && made < 0; i++) {
            if (RepositoryIndex.same(history.get(i).version(), current)) {
                made = i;
            }
        }
        ModuleRecords.Install previous = null;
        for (int i = made + 1; made >= 0 && i < history.size() && previous == null; i++) {
            if (!RepositoryIndex.same(history.get(i).version(), current) && Files.isRegularFile(Path.of(history.get(i).kar()))) {
                previous = history.get(i);
            }
        }
        if (previous == null) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "module.no-earlier-version", feature);
        }
        Path kar = Path.of(previous.kar());
        return installChecked(check(kar, feature, previous.version()), kar, feature, previous.version(), previous.repository(), "rollback");
    }

    public List<ModuleRecords.Install> history() throws SQLException {
        CallerContext.require(Role.ADMINISTRATOR);
        return records.installs(null);
    }

    private Outcome installChecked(KarArchive archive, Path kar, String feature, String version, String repository,
                                   String action) throws Exception {
        Optional<String> before = installedVersion(feature);
        String done = action != null ? action : before.isEmpty() ? "install"
                : RepositoryIndex.version(version).compareTo(RepositoryIndex.version(before.get())) > 0 ? "upgrade" : "downgrade";
        KarArchive.Feature described = archive.features().stream()
                .filter(f -> f.name().equals(feature) && f.version().equals(version)).findFirst().orElseThrow();
        Path target = karRepositories.resolve(feature + "-" + version);
        archive.extractRepository(target);
        URI xml = target.resolve(described.xmlPath().substring(KarArchive.REPOSITORY.length())).toUri();
        if (features.getRepository(xml) == null) {
            features.addRepository(xml, false);
        }
        features.installFeature(feature, version, INSTALL);
        records.installed(feature, version, done, repository, kar.toString(), CallerContext.current().login());
        LOG.info("Module {} {} ({}) by {}", feature, version, done, CallerContext.current().login());
        String symbolicName = archive.modules().get(0).header("Bundle-SymbolicName").split(";")[0].trim();
        ModuleInfo module = health.health().modules().stream().filter(m -> m.symbolicName().equals(symbolicName))
                .findFirst().orElseThrow(() -> TEXTS.refusal(ApiException.Kind.CONFLICT, "module.did-not-appear", symbolicName));
        if (!module.problems().isEmpty()) {
            throw new ApiException(ApiException.Kind.CONFLICT, "module.installed-problem", TEXTS.text(before.isPresent()
                    ? "module.installed-problem.roll-back" : "module.installed-problem", feature, version, String.join("; ", module.problems())));
        }
        return new Outcome(done, feature, version, before.orElse(null), module);
    }

    /** Everything that must hold before a KAR touches the platform; nothing is installed when it fails. */
    private KarArchive check(Path kar, String feature, String version) throws IOException {
        KarArchive archive = KarArchive.read(kar);
        if (archive.features().stream().noneMatch(f -> f.name().equals(feature) && f.version().equals(version))) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.kar-lacks-feature", feature, version);
        }
        archive.modules();
        String exports = archive.bundles().stream().map(b -> b.header("Export-Package")).filter(e -> e != null && !e.isBlank())
                .collect(Collectors.joining(","));
        List<String> unfit = new ArrayList<>();
        for (KarArchive.BundleJar bundle : archive.bundles()) {
            unfit.addAll(ImportFit.problems(bundle.header("Import-Package"), exports, context.getBundles()));
        }
        if (!unfit.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.module-does-not", String.join("; ", unfit));
        }
        return archive;
    }

    private Optional<String> installedVersion(String feature) {
        try {
            for (org.apache.karaf.features.Feature f : features.listInstalledFeatures()) {
                if (f.getName().equals(feature)) {
                    return Optional.of(f.getVersion());
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
