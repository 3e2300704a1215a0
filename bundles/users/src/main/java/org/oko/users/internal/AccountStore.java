package org.oko.users.internal;

import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.StorageGuard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts and security events in the database. */
@Component(service = AccountStore.class)
public class AccountStore {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);

    @Reference(target = "(osgi.unit.name=oko-users)")
    private JpaTemplate jpa;

    Optional<UserEntity> find(String login) {
        return jpa.txExpr(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.login = :login", UserEntity.class)
                .setParameter("login", login).getResultList().stream().findFirst());
    }

    long count() {
        return jpa.txExpr(em -> em.createQuery("SELECT COUNT(u) FROM UserEntity u", Long.class).getSingleResult());
    }

    void create(UserEntity user) {
        jpa.tx(em -> em.persist(user));
    }

    /** Changes a password in its own transaction. */
    void changePassword(String login, String newHash, boolean oneTime) {
        jpa.tx(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.login = :login", UserEntity.class)
                .setParameter("login", login).getResultList().forEach(u -> u.changePassword(newHash, oneTime)));
    }

    /**
     * Stores a stronger hash of the same password, unless the password changed since it was checked
     * (a reset meanwhile must win); a data disk refusing writes only postpones it to a later login.
     */
    void rehash(String login, String checkedHash, String newHash) {
        try {
            update(login, u -> {
                if (u.passwordHash().equals(checkedHash)) {
                    u.rehash(newHash);
                }
            });
        } catch (RuntimeException e) {
            if (!StorageGuard.isStorageFailure(e)) {
                throw e;
            }
            LOG.warn("Password hash of {} not upgraded now (the data disk refuses writes)", login);
        }
    }

    /** Applies a change to one account in its own transaction, its row locked: changes of one account never interleave. */
    void update(String login, java.util.function.Consumer<UserEntity> change) {
        jpa.tx(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.login = :login", UserEntity.class)
                .setParameter("login", login).setLockMode(javax.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(change));
    }

    void setActive(String login, boolean active) {
        jpa.tx(em -> em.createQuery("SELECT u FROM UserEntity u WHERE u.login = :login", UserEntity.class)
                .setParameter("login", login).getResultList().forEach(u -> u.setActive(active)));
    }

    List<UserEntity> all() {
        return jpa.txExpr(em -> em.createQuery("SELECT u FROM UserEntity u ORDER BY u.login", UserEntity.class).getResultList());
    }

    /**
     * Writes a security event. On a full or read-only disk the event goes to the server log
     * instead: people must still be able to log in and read while the disk is being fixed.
     */
    void record(SecurityEventEntity event) {
        try {
            jpa.tx(em -> em.persist(event));
        } catch (RuntimeException e) {
            if (!StorageGuard.isStorageFailure(e)) {
                throw e;
            }
            LOG.warn("Security event not stored (the data disk refuses writes): {} {} from {} {}", event.getType(), event.getLogin(),
                    event.getAddress(), event.getDetails() == null ? "" : event.getDetails());
        }
    }

    List<SecurityEventEntity> events(int max) {
        return jpa.txExpr(em -> em.createQuery("SELECT e FROM SecurityEventEntity e ORDER BY e.at DESC", SecurityEventEntity.class)
                .setMaxResults(max).getResultList());
    }
}
