package org.oko.scheduling.internal.notify;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** In-app notifications: each user reads and dismisses their own. */
@Component(service = Notifications.class)
public class Notifications {

    static final int MAX_LISTED = 200;

    @Reference(target = "(osgi.unit.name=oko-scheduling)")
    private JpaTemplate jpa;

    public record Notification(long id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {
    }

    /** A notification to create: {@code reasonKey} makes it once per recipient. */
    public record Draft(String recipient, String reasonKey, String kind, String title, String body, String link, String email) {
    }

    public List<Notification> mine(boolean unreadOnly) {
        Caller caller = CallerContext.require();
        return jpa.txExpr(em -> em.createQuery("SELECT n FROM NotificationEntity n WHERE n.recipient = :r"
                                + (unreadOnly ? " AND n.readAt IS NULL" : "") + " ORDER BY n.id DESC", NotificationEntity.class)
                .setParameter("r", caller.login()).setMaxResults(MAX_LISTED).getResultList().stream().map(Notifications::view).toList());
    }

    public long unread() {
        Caller caller = CallerContext.require();
        return jpa.txExpr(em -> em.createQuery("SELECT COUNT(n) FROM NotificationEntity n WHERE n.recipient = :r AND n.readAt IS NULL", Long.class)
                .setParameter("r", caller.login()).getSingleResult());
    }

    public void markRead(long id) {
        Caller caller = CallerContext.require();
        jpa.tx(em -> {
            NotificationEntity notification = em.find(NotificationEntity.class, id);
            if (notification == null || !notification.recipient().equals(caller.login())) {
                throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "notification.no-such-notification", id);
            }
            notification.markRead();
        });
    }

    public int markAllRead() {
        Caller caller = CallerContext.require();
        return jpa.txExpr(em -> {
            List<NotificationEntity> unread = em.createQuery("SELECT n FROM NotificationEntity n WHERE n.recipient = :r AND n.readAt IS NULL",
                    NotificationEntity.class).setParameter("r", caller.login()).getResultList();
            unread.forEach(NotificationEntity::markRead);
            return unread.size();
        });
    }

    /** Reason keys already notified under a prefix, as "recipient|key". */
    Set<String> sent(String keyPrefix) {
        return jpa.txExpr(em -> new HashSet<>(em.createQuery("SELECT CONCAT(CONCAT(n.recipient, '|'), n.reasonKey) FROM NotificationEntity n"
                + " WHERE n.reasonKey LIKE :p", String.class).setParameter("p", keyPrefix + "%").getResultList()));
    }

    /** Stores the drafts in one transaction; returns their ids in order. */
    List<Long> create(List<Draft> drafts) {
        return jpa.txExpr(em -> {
            List<NotificationEntity> created = drafts.stream()
                    .map(d -> new NotificationEntity(d.recipient(), d.reasonKey(), d.kind(), d.title(), d.body(), d.link())).toList();
            created.forEach(em::persist);
            em.flush();
            return created.stream().map(NotificationEntity::id).toList();
        });
    }

    void mailed(long id, NotificationEntity.Mail state) {
        jpa.tx(em -> {
            NotificationEntity notification = em.find(NotificationEntity.class, id);
            if (notification != null) {
                notification.mail(state);
            }
        });
    }

    private static Notification view(NotificationEntity n) {
        return new Notification(n.id(), n.kind(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt());
    }
}
