package org.oko.platform.internal.modules;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.ModuleInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Karaf archive (KAR) as a module repository serves it: a zip whose {@code repository/} folder is a
 * Maven layout holding a features XML and the bundles it names. Read without installing anything, so
 * that a module is checked before it touches the running platform.
 */
final class KarArchive {

    static final String REPOSITORY = "repository/";
    private static final long MAX_ENTRY = 100L * 1024 * 1024;

    /** A feature of the archive's features XML, with the path of that XML inside the archive. */
    record Feature(String name, String version, String description, String xmlPath) {
    }

    /** A bundle of the archive: its path and manifest. */
    record BundleJar(String path, Manifest manifest) {
        String header(String name) {
            return manifest.getMainAttributes().getValue(name);
        }
    }

    private final List<Feature> features = new ArrayList<>();
    private final List<BundleJar> bundles = new ArrayList<>();
    private final Path file;

    private KarArchive(Path file) {
        this.file = file;
    }

    /** Reads a KAR's features and bundle manifests; an IllegalArgumentException names what is wrong. */
    static KarArchive read(Path file) throws IOException {
        KarArchive kar = new KarArchive(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(REPOSITORY)) {
                    continue;
                }
                safe(name);
                if (name.endsWith(".jar")) {
                    try (InputStream in = zip.getInputStream(entry); JarInputStream jar = new JarInputStream(in)) {
                        if (jar.getManifest() != null) {
                            kar.bundles.add(new BundleJar(name, jar.getManifest()));
                        }
                    }
                } else if (name.endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        kar.features.addAll(features(in.readNBytes(4 * 1024 * 1024), name));
                    }
                }
            }
        } catch (ZipException notZip) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.not-kar-zip");
        }
        if (kar.features.isEmpty()) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.kar-has-no");
        }
        return kar;
    }

    List<Feature> features() {
        return features;
    }

    List<BundleJar> bundles() {
        return bundles;
    }

    /** The OKO module bundles of the archive; refused when there is none or one claims to be core. */
    List<BundleJar> modules() {
        List<BundleJar> modules = bundles.stream().filter(b -> b.header(ModuleInfo.HEADER) != null).toList();
        if (modules.isEmpty() || modules.stream().anyMatch(b -> b.header("Bundle-SymbolicName") == null)) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.kar-holds-no");
        }
        if (modules.stream().anyMatch(b -> "core".equals(b.header(ModuleInfo.HEADER).trim()))) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.core-bundles-do");
        }
        return modules;
    }

    /** Copies the archive's repository folder into a folder that pax-url reads as a Maven repository. */
    void extractRepository(Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(REPOSITORY)) {
                    continue;
                }
                Path out = target.resolve(safe(entry.getName()).substring(REPOSITORY.length())).normalize();
                if (!out.startsWith(target)) {
                    throw TEXTS.refusal(ApiException.Kind.INVALID, "module.path-leaves-archive", entry.getName());
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(new LimitedStream(in, MAX_ENTRY), out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String safe(String name) {
        if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "module.path-leaves-archive", name);
        }
        return name;
    }

    /** The features of a features XML; none when the XML is something else. */
    static List<Feature> features(byte[] xml, String path) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception notXml) {
            return List.of();
        }
        Element root = document.getDocumentElement();
        if (!"features".equals(root.getLocalName())) {
            return List.of();
        }
        List<Feature> list = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "feature".equals(e.getLocalName())) {
                String version = e.getAttribute("version");
                list.add(new Feature(e.getAttribute("name"), version.isEmpty() ? "0.0.0" : version, e.getAttribute("description"), path));
            }
        }
        return list;
    }

    /** Stops a zip bomb: an entry may not inflate past its limit. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("an entry of the archive is larger than " + MAX_ENTRY / 1024 / 1024 + " MB");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("an entry of the archive is larger than " + MAX_ENTRY / 1024 / 1024 + " MB");
            }
            return n;
        }
    }
}
