package org.oko.catalog.api;

/** The one region of an installation (etc/org.oko.catalog.cfg). */
public record Region(String code, String name) {
}
