package org.oko.catalog.api;

/**
 * How the public reaches an organisation. Kept beside the {@link Organisation} rather than in it, so that the
 * organisation record stays as the modules were compiled against it.
 *
 * @param phone   digits, spaces, {@code + - ( )}, at most 30 characters; null when not known
 * @param email   an e-mail address; null when not known
 * @param website an http or https address; null when not known
 * @param version optimistic-lock version: 0 while the organisation has no contacts stored; a write must carry the
 *                version it read, otherwise CONFLICT
 * @since 2.3
 */
public record Contacts(String phone, String email, String website, long version) {

    /** Contacts with nothing known, version 0. */
    public static final Contacts NONE = new Contacts(null, null, null, 0);

    /** Whether nothing is known. */
    public boolean empty() {
        return phone == null && email == null && website == null;
    }

    /** The same contacts with another version. */
    public Contacts withVersion(long newVersion) {
        return new Contacts(phone, email, website, newVersion);
    }
}
