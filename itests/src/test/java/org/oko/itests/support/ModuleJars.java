package org.oko.itests.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Modules and forms that tests make on the fly: a small form definition, and bundle jars with the
 * headers and entries a test gives. Used in the container (forms' tests) and outside it (the browser's
 * and the module repository's tests), so it needs nothing but the JDK.
 */
public final class ModuleJars {

    private ModuleJars() {
    }

    /** A form of two integer fields (pupils_total, girls) and one error rule between them. */
    public static String definition(String id, int version, String title) {
        return "{\"id\":\"" + id + "\",\"version\":" + version + ",\"title\":{\"ru\":\"" + title + "\",\"en\":\"Test form\"},"
                + "\"sections\":[{\"id\":\"main\",\"title\":\"Основное\",\"items\":["
                + "{\"code\":\"pupils_total\",\"label\":\"Обучающихся всего\",\"type\":\"integer\",\"required\":true,\"min\":0},"
                + "{\"code\":\"girls\",\"label\":\"Из них девочек\",\"type\":\"integer\",\"min\":0}]}],"
                + "\"rules\":[{\"id\":\"girls_le_total\",\"check\":\"girls <= pupils_total\",\"severity\":\"error\","
                + "\"message\":{\"ru\":\"Девочек не может быть больше, чем обучающихся\",\"en\":\"Girls cannot exceed pupils\"},"
                + "\"fields\":[\"girls\"]}]}";
    }

    /** A form module (Oko-Module: form) at version 1.0.0 with these text entries and, if not null, this activator. */
    public static byte[] moduleJar(String symbolicName, String activator, Map<String, String> entries) throws Exception {
        Map<String, String> headers = new TreeMap<>(Map.of("Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.0.0",
                "Bundle-Name", "IT module " + symbolicName, "Oko-Module", "form"));
        if (activator != null) {
            headers.put("Bundle-Activator", activator);
        }
        return jar(headers, entries);
    }

    public static byte[] jar(Map<String, String> headers, Map<String, String> entries) throws Exception {
        return jar(headers, entries, Map.of());
    }

    /** A bundle jar with these headers, text entries and binary entries. */
    public static byte[] jar(Map<String, String> headers, Map<String, String> entries, Map<String, byte[]> binary) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            java.util.Set<String> folders = new java.util.TreeSet<>();
            java.util.Set<String> names = new java.util.TreeSet<>(entries.keySet());
            names.addAll(binary.keySet());
            for (String name : names) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    folders.add(name.substring(0, slash + 1));
                }
            }
            for (String folder : folders) { // as jar tools write them; the framework lists entries through them
                jar.putNextEntry(new JarEntry(folder));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            for (Map.Entry<String, byte[]> entry : binary.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
