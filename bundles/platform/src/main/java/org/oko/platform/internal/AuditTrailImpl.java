package org.oko.platform.internal;

import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail on the platform's persistence unit; a failure to record is logged, never thrown at the caller. */
@Component(service = {AuditTrail.class, AuditTrailImpl.class})
public class AuditTrailImpl implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrailImpl.class);

    @Reference(target = "(osgi.unit.name=oko-platform)")
    private JpaTemplate jpa;

    @Override
    public void record(String action, String target, String details) {
        Caller caller = CallerContext.current();
        String actor = caller == null || caller == Caller.ANONYMOUS || caller.login() == null ? "system" : caller.login();
        try {
            jpa.tx(em -> em.persist(new AuditEntry(Instant.now(), actor, action, target, details)));
        } catch (RuntimeException e) {
            // The change itself is committed; losing its audit line must not turn it into an error.
            LOG.error("Audit: could not record {} {} by {}: {}", action, target, actor, e.toString());
        }
        LOG.info("Audit: {} {} by {}{}", action, target, actor, details == null ? "" : " (" + details + ")");
    }

    /** The latest entries first, filtered by an action prefix and an actor; at most {@code max}. */
    public List<AuditEntry> latest(String actionPrefix, String actor, int max) {
        return jpa.txExpr(em -> em.createQuery("SELECT a FROM AuditEntry a WHERE (:action = '' OR a.action LIKE :prefix)"
                        + " AND (:actor = '' OR a.actor = :actor) ORDER BY a.id DESC", AuditEntry.class)
                .setParameter("action", actionPrefix).setParameter("prefix", actionPrefix + "%")
                .setParameter("actor", actor).setMaxResults(Math.max(1, Math.min(max, 10_000))).getResultList());
    }
}
