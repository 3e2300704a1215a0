package org.oko.forms.internal.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** What an uploaded file is, by its bytes: the declared type and the name alone prove nothing. */
final class FileTypes {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private FileTypes() {
    }

    /** A letter: "application/pdf", "image/jpeg", "image/png", or null for anything else. */
    static String detect(byte[] content) {
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        return null;
    }

    /**
     * A file indicator's value: what a letter may be, or an Excel or Word document (a ZIP package
     * holding the Office part of its kind), or null. Macro-enabled and binary Office files are refused.
     */
    static String detectAttachment(byte[] content) {
        String image = detect(content);
        if (image != null || !starts(content, 'P', 'K', 3, 4)) {
            return image;
        }
        // The central directory names the parts without inflating any of them: a zip bomb costs nothing here.
        Path file = null;
        try {
            file = Files.createTempFile("oko-upload", ".zip");
            Files.write(file, content);
            boolean types = false;
            String office = null;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    types |= name.equals("[Content_Types].xml");
                    if (name.equals("xl/workbook.xml")) {
                        office = XLSX;
                    } else if (name.equals("word/document.xml")) {
                        office = DOCX;
                    } else if (name.endsWith("vbaProject.bin")) {
                        return null;
                    }
                }
            }
            return types ? office : null;
        } catch (IOException | RuntimeException broken) {
            return null;
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    static String normalise(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") ? JPEG : type;
    }

    static String extension(String type) {
        return switch (type) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case XLSX -> ".xlsx";
            case DOCX -> ".docx";
            default -> ".png";
        };
    }

    /** A file name safe for storage and a Content-Disposition header; the default when none is given. */
    static String safeName(String fileName, String fallback) {
        if (fileName == null || fileName.isBlank()) {
            return fallback;
        }
        String name = fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static boolean starts(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
