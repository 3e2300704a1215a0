package org.oko.platform.internal;

import org.osgi.framework.Bundle;

final class Versions {

    private Versions() {
    }

    /** The Maven version of the build (Implementation-Version), falling back to the bundle version. */
    static String of(Bundle bundle) {
        String version = bundle.getHeaders("").get("Implementation-Version");
        return version != null ? version : bundle.getVersion().toString();
    }
}
