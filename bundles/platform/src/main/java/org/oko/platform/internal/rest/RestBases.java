package org.oko.platform.internal.rest;

/** Normal form of a base path: leading slash, no trailing slash (except the root "/"). */
final class RestBases {

    private RestBases() {
    }

    static String normalise(String base) {
        String path = base == null ? "" : base.trim();
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }
}
