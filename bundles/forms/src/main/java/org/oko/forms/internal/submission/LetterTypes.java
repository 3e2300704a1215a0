package org.oko.forms.internal.submission;

import java.util.Locale;

/** What an uploaded letter is, by its first bytes: the declared type alone proves nothing. */
final class LetterTypes {

    private LetterTypes() {
    }

    /** "application/pdf", "image/jpeg", "image/png", or null for anything else. */
    static String detect(byte[] content) {
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    static String normalise(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") ? "image/jpeg" : type;
    }

    static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
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
