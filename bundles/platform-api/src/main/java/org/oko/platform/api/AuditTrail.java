package org.oko.platform.api;

/**
 * The administrator's record of who changed what: modules, the catalog, campaigns, assignments,
 * the workflow of submissions. Bundles call it after a change has been committed; the actor is the
 * calling user ({@code system} outside a request). Security events (logins, lockouts, password and
 * role changes) are kept by the users bundle; values of a submission in its own history.
 */
public interface AuditTrail {

    /**
     * @param action  a dotted name, e.g. {@code module.install}, {@code catalog.import}, {@code submission.return}
     * @param target  what it concerns: a module, an organisation code, a campaign, a submission id
     * @param details a short human-readable note (counts, a comment); may be null
     */
    void record(String action, String target, String details);
}
