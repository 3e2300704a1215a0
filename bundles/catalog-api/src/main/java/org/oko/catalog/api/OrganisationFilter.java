package org.oko.catalog.api;

/**
 * Criteria of an organisation list; null means "any". {@code text} matches code, names, address and
 * INN, case-insensitive, with ё and е treated alike.
 */
public record OrganisationFilter(String territoryCode, String founderCode, FounderType founderType,
                                 OrganisationStatus status, OrganisationKind kind, String text) {

    public static final OrganisationFilter ALL = new OrganisationFilter(null, null, null, null, null, null);
}
