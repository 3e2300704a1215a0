package org.oko.catalog.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.oko.catalog.api.Contacts;

/**
 * An organisation's contacts, in a table of their own beside {@link OrganisationEntity}: the organisation record
 * of the API stays as it was, and the contacts have their own version, so that an edit of the contacts and one of
 * the organisation do not refuse each other.
 */
@Entity
@Table(name = "OKO_ORGANISATION_CONTACTS")
public class ContactsEntity {

    @Id
    @Column(name = "CODE", nullable = false, length = 32)
    private String code;

    @Column(name = "PHONE", length = ContactsRules.MAX_PHONE)
    private String phone;

    @Column(name = "EMAIL", length = ContactsRules.MAX_EMAIL)
    private String email;

    @Column(name = "WEBSITE", length = ContactsRules.MAX_WEBSITE)
    private String website;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected ContactsEntity() {
        // for JPA
    }

    ContactsEntity(String code) {
        this.code = code;
    }

    void apply(Contacts contacts) {
        phone = contacts.phone();
        email = contacts.email();
        website = contacts.website();
    }

    Contacts toContacts() {
        return new Contacts(phone, email, website, version);
    }

    String getCode() {
        return code;
    }

    long getVersion() {
        return version;
    }
}
