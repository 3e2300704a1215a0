package org.oko.forms.api;

/**
 * A form version the platform knows.
 *
 * @param source    what provides it: a bundle's symbolic name, or "deploy:<file name>"
 * @param available false while its module is stopped or removed: no new data, but its submissions and exports remain
 */
public record FormInfo(String id, int version, Text title, String source, boolean available) {
}
