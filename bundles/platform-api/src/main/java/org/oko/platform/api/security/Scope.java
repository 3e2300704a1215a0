package org.oko.platform.api.security;

import java.util.Set;

/**
 * The organisations a caller may see: the whole region, or a set of organisation codes (the
 * subtree of the caller's organisation in the catalog).
 */
public record Scope(boolean wholeRegion, Set<String> organisationCodes) {

    public static final Scope REGION = new Scope(true, Set.of());
    public static final Scope NONE = new Scope(false, Set.of());

    public Scope {
        organisationCodes = Set.copyOf(organisationCodes);
    }

    public static Scope of(Set<String> organisationCodes) {
        return new Scope(false, organisationCodes);
    }

    public boolean contains(String organisationCode) {
        return wholeRegion || (organisationCode != null && organisationCodes.contains(organisationCode));
    }
}
