package org.oko.platform.api.specs;

import java.util.List;
import java.util.Optional;

/** The published specs of every kind. Reading is open to modules; whether a caller may publish is the module's check. */
public interface Specs {

    /** The newest version of each spec of the kind, by key. */
    List<Spec> latest(String kind);

    Optional<Spec> latest(String kind, String key);

    Optional<Spec> version(String kind, String key, int version);

    /** Every version of a spec, oldest first. */
    List<Spec> versions(String kind, String key);

    /**
     * Publishes a new version as the current caller: read and checked by the kind's {@link SpecType},
     * newer than the newest one of its key. The same version again with the same content changes nothing.
     *
     * @throws IllegalArgumentException when the kind is unknown or the spec has problems (all of them named)
     * @throws IllegalStateException    when the version is published already with other content, or is not the newest
     */
    Spec publish(String kind, String json);
}
