package org.oko.catalog.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalog: read, change and query the region's territories and organisations. */
public interface CatalogService {

    Region region();

    List<Territory> territories();

    Optional<Territory> territory(String code);

    /** Creates a territory (version 0) or updates one (matching version). */
    Territory saveTerritory(Territory territory);

    Optional<Organisation> organisation(String code);

    Page<Organisation> organisations(OrganisationFilter filter, int page, int size);

    /** The largest page {@link #organisations(OrganisationFilter, int, int)} serves. */
    int MAX_PAGE = 1000;

    /**
     * Every organisation the filter selects within the caller's scope, page after page: for the
     * bundles that work on a whole region or territory (assignments, dashboards, folders, results).
     *
     * @since 2.1
     */
    default List<Organisation> allOrganisations(OrganisationFilter filter) {
        List<Organisation> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            List<Organisation> items = organisations(filter, page, MAX_PAGE).items();
            all.addAll(items);
            if (items.size() < MAX_PAGE) {
                return all;
            }
        }
    }

    /**
     * Every school of the region by code, whatever the caller's scope (asked as the system): a results file
     * names schools outside its importer's scope too, and figures are placed in territories the caller may
     * not see. What a caller may read of them stays the asking module's check.
     *
     * @since 2.2
     */
    default java.util.Map<String, Organisation> regionSchools() throws Exception {
        return org.oko.platform.api.security.CallerContext.callAs(org.oko.platform.api.security.Caller.SYSTEM, () -> {
            java.util.Map<String, Organisation> all = new java.util.HashMap<>();
            allOrganisations(new OrganisationFilter(null, null, null, null, OrganisationKind.SCHOOL, null)).forEach(o -> all.put(o.code(), o));
            return all;
        });
    }

    /**
     * New territories and then organisations (each after every organisation it refers to), in one
     * transaction: all or nothing, as a catalog import writes them. An organisation whose code is
     * stored already is updated.
     *
     * @since 2.1
     */
    void saveAll(List<Territory> newTerritories, List<Organisation> organisations);

    /**
     * The same, with the organisations' contacts (by code; each with the version it was read with, 0 for an
     * organisation without contacts yet), in the same transaction.
     *
     * @since 2.3
     */
    default void saveAll(List<Territory> newTerritories, List<Organisation> organisations, java.util.Map<String, Contacts> contacts) {
        if (!contacts.isEmpty()) {
            throw new UnsupportedOperationException("This catalog keeps no contacts");
        }
        saveAll(newTerritories, organisations);
    }

    /**
     * An organisation's contacts (phone, e-mail, website), if it has any and the caller may see it.
     *
     * @since 2.3
     */
    default Optional<Contacts> contacts(String code) {
        return Optional.empty();
    }

    /**
     * The contacts of every organisation that has them, within the caller's scope, by code: one read for the
     * bundles that show many organisations (the public catalogue, exports).
     *
     * @since 2.3
     */
    default java.util.Map<String, Contacts> allContacts() {
        return java.util.Map.of();
    }

    /**
     * Replaces an organisation's contacts; {@code contacts.version()} must be the stored version (0 when it has
     * none yet), otherwise CONFLICT. Allowed to the administrator and the regional coordinator for any
     * organisation, and to founder and school coordinators within their scope (their organisation's subtree).
     *
     * @return the contacts as stored, with their new version
     * @throws CatalogException INVALID naming the field when a value is not a phone, an e-mail or an http(s) address
     * @since 2.3
     */
    default Contacts saveContacts(String code, Contacts contacts) {
        throw new UnsupportedOperationException("This catalog keeps no contacts");
    }

    /** Creates an organisation; its code must be new. */
    Organisation create(Organisation organisation);

    /** Updates an organisation; {@code organisation.version()} must be the stored version, otherwise CONFLICT. */
    Organisation update(Organisation organisation);

    /** Closes an organisation on a date, optionally naming the organisation it merged into. */
    Organisation close(String code, LocalDate closedOn, String successorCode, long version);

    /** Codes of the organisation, its branches and every organisation it founded, recursively. */
    Set<String> subtree(String organisationCode);

    /** Codes of every organisation in a territory, branches included. */
    Set<String> underTerritory(String territoryCode);

    /** Codes of every organisation founded by the given one, and their branches. */
    Set<String> underFounder(String founderCode);
}
