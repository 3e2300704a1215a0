package org.oko.web.internal;

/** Keeps requests for static files inside the web folder. */
final class StaticPaths {

    private StaticPaths() {
    }

    /** The path relative to the web folder, or null when it would leave it or names no file. */
    static String safe(String path) {
        if (path == null || path.isEmpty() || path.contains("\\") || path.contains("\0")) {
            return null;
        }
        StringBuilder result = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.startsWith(".")) {
                return null;
            }
            if (result.length() > 0) {
                result.append('/');
            }
            result.append(segment);
        }
        String name = result.substring(result.lastIndexOf("/") + 1);
        return name.contains(".") ? result.toString() : null;
    }
}
