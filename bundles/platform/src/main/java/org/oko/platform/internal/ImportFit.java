package org.oko.platform.internal;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Whether a module's {@code Import-Package} fits this installation, asked before the module is
 * installed: every package it needs (not optional) must be exported here, or by the module itself, in
 * a version its range takes. A module built against another OKO's API is refused with the packages
 * and versions named, instead of being installed and failing to resolve.
 */
public final class ImportFit {

    /** A package an import names, with its range. */
    record Need(String pack, VersionRange range) {
    }

    private ImportFit() {
    }

    /** What does not fit, for the user; empty when everything does. */
    public static List<String> problems(String importPackage, String exportPackage, Bundle[] installed) {
        Map<String, List<Version>> exported = new HashMap<>();
        for (Bundle bundle : installed) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                Object name = capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                Object version = capability.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                exported.computeIfAbsent(String.valueOf(name), n -> new ArrayList<>())
                        .add(version instanceof Version v ? v : Version.emptyVersion);
            }
        }
        for (Need own : needs(exportPackage, false)) {
            exported.computeIfAbsent(own.pack(), n -> new ArrayList<>()).add(own.range().getLeft());
        }
        List<String> problems = new ArrayList<>();
        for (Need need : needs(importPackage, true)) {
            List<Version> versions = exported.getOrDefault(need.pack(), List.of());
            if (versions.stream().noneMatch(need.range()::includes)) {
                problems.add(versions.isEmpty()
                        ? TEXTS.ru("module.package-missing", need.pack(), need.range())
                        : TEXTS.ru("module.package-version", need.pack(), need.range(), versions.stream()
                                .map(Version::toString).distinct().sorted().toList()));
            }
        }
        return problems;
    }

    /**
     * The clauses of an Import-Package (or Export-Package) header: several packages may share their
     * attributes; optional imports are left out. An export's "range" is its version alone.
     */
    static List<Need> needs(String header, boolean imports) {
        List<Need> needs = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return needs;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            List<String> packages = new ArrayList<>();
            String version = null;
            boolean optional = false;
            for (String part : parts) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    packages.add(p);
                    continue;
                }
                String key = p.substring(0, eq).trim();
                String value = p.substring(eq + 1).trim().replace("\"", "");
                if (key.equals("version")) {
                    version = value;
                } else if (key.equals("resolution:")) {
                    optional = value.equals("optional");
                }
            }
            if (optional && imports) {
                continue;
            }
            VersionRange range = version == null ? new VersionRange("0.0.0")
                    : imports ? new VersionRange(version) : new VersionRange("[" + version + "," + version + "]");
            packages.forEach(p -> needs.add(new Need(p, range)));
        }
        return needs;
    }

    /** Splits on the separator outside quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString());
        }
        return parts;
    }
}
