package org.oko.platform.api.specs;

import java.util.List;

/**
 * How a module reads its kind of spec (a whiteboard service; register it with DS and the service
 * property {@value #KIND}). Shipped files of the kind wait until it is there.
 */
public interface SpecType {

    /** Service property: the kind this type reads. */
    String KIND = "oko.spec.kind";

    /**
     * What the platform needs of a spec.
     *
     * @param problems what is wrong with it, for the person publishing it; empty when it may be published
     */
    record Reading(String key, int version, List<String> problems) {
    }

    /**
     * Reads a spec's key and version and checks it.
     *
     * @throws IllegalArgumentException when the JSON does not parse as this kind, with the reason
     */
    Reading read(String json);
}
