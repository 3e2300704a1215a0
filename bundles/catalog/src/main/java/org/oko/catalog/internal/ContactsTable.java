package org.oko.catalog.internal;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.persistence.EntityManager;

import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.Contacts;
import org.oko.platform.api.security.Scope;

/** The organisations' contacts in their table, inside the caller's transaction; access is checked before. */
final class ContactsTable {

    private ContactsTable() {
    }

    static Optional<ContactsEntity> find(EntityManager em, String code) {
        return Optional.ofNullable(em.find(ContactsEntity.class, code));
    }

    static Map<String, Contacts> all(EntityManager em, Scope scope) {
        Map<String, Contacts> all = new HashMap<>();
        for (ContactsEntity entity : em.createQuery("SELECT c FROM ContactsEntity c", ContactsEntity.class).getResultList()) {
            if (scope.contains(entity.getCode())) {
                all.put(entity.getCode(), entity.toContacts());
            }
        }
        return all;
    }

    /** Writes checked contacts whose version is the stored one (0 for none stored); CONFLICT otherwise. */
    static Contacts save(EntityManager em, String code, Contacts contacts) {
        ContactsEntity entity = apply(em, code, find(em, code).orElse(null), contacts);
        em.flush();
        return entity.toContacts();
    }

    /**
     * The contacts of an import or of the demo, with the organisations they belong to in the same transaction:
     * one read of the table, one flush.
     */
    static void saveAll(EntityManager em, Map<String, Contacts> contacts, Predicate<String> organisationExists) {
        if (contacts.isEmpty()) {
            return;
        }
        Map<String, ContactsEntity> stored = new HashMap<>();
        em.createQuery("SELECT c FROM ContactsEntity c", ContactsEntity.class).getResultList().forEach(c -> stored.put(c.getCode(), c));
        for (Map.Entry<String, Contacts> entry : contacts.entrySet()) {
            if (!organisationExists.test(entry.getKey())) {
                throw CatalogTexts.refusal(CatalogException.Reason.NOT_FOUND, "catalog.organisation-not-found", entry.getKey());
            }
            apply(em, entry.getKey(), stored.get(entry.getKey()), entry.getValue());
        }
        em.flush();
    }

    private static ContactsEntity apply(EntityManager em, String code, ContactsEntity stored, Contacts contacts) {
        long version = stored == null ? 0 : stored.getVersion();
        if (version != contacts.version()) {
            throw new CatalogException(CatalogException.Reason.CONFLICT, "catalog.changed-by-another",
                    TEXTS.text("catalog.changed-by-another.contacts", code, version, contacts.version()));
        }
        ContactsEntity entity = stored;
        if (entity == null) {
            entity = new ContactsEntity(code);
            em.persist(entity);
        }
        entity.apply(contacts);
        return entity;
    }
}
