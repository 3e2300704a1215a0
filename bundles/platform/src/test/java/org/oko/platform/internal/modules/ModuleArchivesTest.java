package org.oko.platform.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.oko.platform.api.rest.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of module repositories: the index, KARs and repository URLs. */
class ModuleArchivesTest {

    @TempDir
    Path folder;

    @Test
    void indexKeepsOneEntryPerFeatureAndVersionInVersionOrder() throws Exception {
        RepositoryIndex index = RepositoryIndex.empty()
                .with(entry("oko-x", "1.10.0"))
                .with(entry("oko-x", "1.2.0"))
                .with(entry("oko-a", "2.0.0"))
                .with(new RepositoryIndex.Entry("oko-x", "1.2.0", "X again", null, "x.kar", null));
        assertEquals(List.of("oko-a 2.0.0", "oko-x 1.2.0", "oko-x 1.10.0"),
                index.modules().stream().map(e -> e.feature() + " " + e.version()).toList());
        assertEquals("X again", index.modules().get(1).name());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        index.write(out);
        assertEquals(index, RepositoryIndex.read(new ByteArrayInputStream(out.toByteArray())));
        assertTrue(RepositoryIndex.version("1.1.0-SNAPSHOT").compareTo(RepositoryIndex.version("1.0.0")) > 0);
    }

    @Test
    void anIndexOfAnotherFormatOrWithoutKarIsRefused() {
        assertThrows(java.io.IOException.class, () -> RepositoryIndex.read(new ByteArrayInputStream(
                "{\"format\":2,\"modules\":[]}".getBytes(StandardCharsets.UTF_8))));
        assertThrows(java.io.IOException.class, () -> RepositoryIndex.read(new ByteArrayInputStream(
                "{\"format\":1,\"modules\":[{\"feature\":\"a\",\"version\":\"1\"}]}".getBytes(StandardCharsets.UTF_8))));
        // An index names files of the installation through feature and version: no way out of their folders.
        assertThrows(java.io.IOException.class, () -> RepositoryIndex.read(new ByteArrayInputStream(
                "{\"format\":1,\"modules\":[{\"feature\":\"../../etc/x\",\"version\":\"1\",\"kar\":\"a.kar\"}]}".getBytes(StandardCharsets.UTF_8))));
        assertThrows(java.io.IOException.class, () -> RepositoryIndex.read(new ByteArrayInputStream(
                "{\"format\":1,\"modules\":[{\"feature\":\"a\",\"version\":\"1\",\"kar\":\"http://elsewhere/a.kar\"}]}".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aKarIsReadWithoutInstallingAndItsRepositoryExtracted() throws Exception {
        Path kar = kar(folder.resolve("m.kar"), "repository/org/oko/m/1.0/m-1.0.jar");
        KarArchive archive = KarArchive.read(kar);
        assertEquals(List.of(new KarArchive.Feature("oko-m", "1.0.0", "М: a module", "repository/org/oko/m/1.0/m-1.0-features.xml")),
                archive.features());
        assertEquals("procedure", archive.bundles().get(0).header("Oko-Module"));
        Path target = folder.resolve("repo");
        archive.extractRepository(target);
        assertTrue(Files.isRegularFile(target.resolve("org/oko/m/1.0/m-1.0.jar")));
        assertTrue(Files.isRegularFile(target.resolve("org/oko/m/1.0/m-1.0-features.xml")));
    }

    @Test
    void aKarWithAPathLeavingItOrWithoutFeaturesIsRefused() throws Exception {
        Path escaping = kar(folder.resolve("e.kar"), "repository/../../etc/evil.jar");
        assertEquals(ApiException.Kind.INVALID, assertThrows(ApiException.class, () -> KarArchive.read(escaping)).errorKind());
        Path notZip = Files.writeString(folder.resolve("n.kar"), "not a zip");
        assertEquals(ApiException.Kind.INVALID, assertThrows(ApiException.class, () -> KarArchive.read(notZip)).errorKind());
        Path bare = folder.resolve("b.kar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bare))) {
            zip.putNextEntry(new ZipEntry("repository/a.txt"));
            zip.write(1);
        }
        ApiException e = assertThrows(ApiException.class, () -> KarArchive.read(bare));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
    }

    @Test
    void repositoryUrlsAreHttpOrFileAndEndInASlash() {
        assertEquals("http://h:1/api/module-repositories/published/",
                RepositoryClient.normalise("http://h:1/api/module-repositories/published"));
        assertEquals("file:/srv/modules/", RepositoryClient.normalise("file:/srv/modules/oko-modules.json"));
        assertEquals(ApiException.Kind.INVALID, assertThrows(ApiException.class, () -> RepositoryClient.normalise("ftp://h/x")).errorKind());
        assertEquals(ApiException.Kind.INVALID, assertThrows(ApiException.class, () -> RepositoryClient.normalise(" ")).errorKind());
        assertFalse(RepositoryClient.normalise("https://h/x").isEmpty());
    }

    private static RepositoryIndex.Entry entry(String feature, String version) {
        return new RepositoryIndex.Entry(feature, version, feature, null, feature + "-" + version + ".kar", null);
    }

    /** A KAR with a features XML and one module bundle at the path given. */
    static Path kar(Path file, String bundlePath) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("repository/org/oko/m/1.0/m-1.0-features.xml"));
            zip.write(("<features name='m' xmlns='http://karaf.apache.org/xmlns/features/v1.6.0'>"
                    + "<feature name='oko-m' version='1.0.0' description='М: a module'><bundle>mvn:org.oko/m/1.0</bundle></feature>"
                    + "</features>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(bundlePath));
            zip.write(jar());
        }
        return file;
    }

    private static byte[] jar() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", "org.oko.m");
        manifest.getMainAttributes().putValue("Oko-Module", "procedure");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }
}
