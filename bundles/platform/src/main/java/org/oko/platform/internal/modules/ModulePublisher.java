package org.oko.platform.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This installation's own module repository, {@code data/module-repository}, served at
 * {@code /api/module-repositories/published/}: a published KAR goes in as its Maven layout, the KAR
 * next to its features XML, and an entry per feature in the index. The folder can equally be copied
 * to any web server or shared folder.
 */
@Component(service = ModulePublisher.class)
public class ModulePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(ModulePublisher.class);

    private Path folder;

    @Activate
    void activate() {
        folder = Path.of(System.getProperty("karaf.data", "data")).resolve("module-repository");
    }

    /** Publishes a KAR (the same feature and version again replaces it); the entries it made. */
    public synchronized List<RepositoryIndex.Entry> publish(Path kar) throws IOException {
        CallerContext.require(Role.ADMINISTRATOR);
        KarArchive archive = KarArchive.read(kar);
        KarArchive.BundleJar module = archive.modules().get(0);
        String sha256 = RepositoryClient.sha256(kar);
        Path indexFile = folder.resolve(RepositoryIndex.FILE);
        RepositoryIndex index;
        if (Files.isRegularFile(indexFile)) {
            try (InputStream in = Files.newInputStream(indexFile)) {
                index = RepositoryIndex.read(in);
            }
        } else {
            index = RepositoryIndex.empty();
        }
        archive.extractRepository(folder);
        List<RepositoryIndex.Entry> entries = new ArrayList<>();
        for (KarArchive.Feature feature : archive.features()) {
            String path = feature.xmlPath().substring(KarArchive.REPOSITORY.length(), feature.xmlPath().lastIndexOf('/') + 1)
                    + feature.name() + "-" + feature.version() + ".kar";
            Files.copy(kar, folder.resolve(path), StandardCopyOption.REPLACE_EXISTING);
            String name = module.header("Bundle-Name") != null ? module.header("Bundle-Name") : feature.name();
            RepositoryIndex.Entry entry = new RepositoryIndex.Entry(feature.name(), feature.version(), name, feature.description(), path, sha256);
            index = index.with(entry);
            entries.add(entry);
        }
        Path temporary = Files.createTempFile(folder, "index", ".json");
        try (var out = Files.newOutputStream(temporary)) {
            index.write(out);
        }
        Files.move(temporary, indexFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Published {} by {}", entries.stream().map(e -> e.feature() + " " + e.version()).collect(Collectors.joining(", ")),
                CallerContext.current().login());
        return entries;
    }

    /** A file of the published repository, if there is one at that path (never one outside it). */
    public Optional<Path> file(String path) {
        Path file = folder.resolve(path).normalize();
        return file.startsWith(folder) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
