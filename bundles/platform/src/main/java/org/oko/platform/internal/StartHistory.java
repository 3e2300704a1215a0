package org.oko.platform.internal;

import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.PlatformSettings;
import org.oko.platform.api.StorageGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;

/** Records every start of the platform on its database and answers how many there were. */
@Component(service = StartHistory.class, immediate = true)
public class StartHistory {

    @Reference(target = "(osgi.unit.name=oko-platform)")
    private JpaTemplate jpa;

    @Reference
    private PlatformSettings settings;

    /** A start on a read-only or full disk is not recorded, and must not stop the platform from serving reads. */
    @Activate
    void activate() {
        try {
            // In the precision PostgreSQL keeps (it rounds to microseconds), so that the start reads back the same.
            jpa.tx(em -> em.persist(new PlatformStart(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), settings.version())));
        } catch (RuntimeException e) {
            if (!StorageGuard.isStorageFailure(e)) {
                throw e;
            }
            LoggerFactory.getLogger(StartHistory.class).warn("This start is not recorded: the data disk refuses writes");
        }
    }

    long count() {
        return jpa.txExpr(em -> em.createQuery("SELECT COUNT(s) FROM PlatformStart s", Long.class)
                .getSingleResult());
    }

    Instant first() {
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM PlatformStart s ORDER BY s.id", PlatformStart.class)
                .setMaxResults(1).getResultList().stream().findFirst().map(PlatformStart::getStartedAt).orElse(null));
    }
}
