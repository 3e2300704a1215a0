package org.oko.users.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The web sessions every node sees, in the database (used on a database server only: {@link SharedSessions}). */
@Component(service = SessionTable.class)
public class SessionTable {

    @Reference(target = "(osgi.unit.name=oko-users)")
    private JpaTemplate jpa;

    void insert(SessionEntity session) {
        jpa.tx(em -> em.persist(session));
    }

    Optional<SessionEntity> find(String tokenHash) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(SessionEntity.class, tokenHash)));
    }

    void touch(String tokenHash, Timestamp lastSeen) {
        jpa.tx(em -> em.createQuery("UPDATE SessionEntity s SET s.lastSeenAt = :at WHERE s.tokenHash = :hash AND s.lastSeenAt < :at")
                .setParameter("at", lastSeen).setParameter("hash", tokenHash).executeUpdate());
    }

    void delete(String tokenHash) {
        jpa.tx(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.tokenHash = :hash").setParameter("hash", tokenHash)
                .executeUpdate());
    }

    void deleteLogin(String login) {
        jpa.tx(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.login = :login").setParameter("login", login)
                .executeUpdate());
    }

    /** Sessions idle since {@code seenBefore} or opened before {@code openedBefore}: nobody can use them any more. */
    void deleteExpired(Timestamp seenBefore, Timestamp openedBefore) {
        jpa.tx(em -> em.createQuery("DELETE FROM SessionEntity s WHERE s.lastSeenAt < :seen OR s.createdAt < :opened")
                .setParameter("seen", seenBefore).setParameter("opened", openedBefore).executeUpdate());
    }
}
