package org.oko.demo.internal;

/**
 * The demo's own event, as an OSGi service of this bundle (nothing outside sees it): registered by
 * the catalog loader, with demo data on, once the catalog holds its region — loaded now, or found
 * there from an earlier start — and gone with that loader. The loaders that need the region
 * reference it, so that DS starts them when it appears, whichever comes first; nothing waits or
 * polls.
 */
public interface RegionReady {

    /** The catalog's region code ("99" for the demo region). */
    String regionCode();
}
