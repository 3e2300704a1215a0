package org.oko.catalog.internal;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.Contacts;
import org.oko.platform.api.rest.ApiMessage;

/**
 * What an organisation's contacts may hold, whichever way they arrive (REST, import, demo): a phone of digits,
 * spaces, {@code + - ( )}; an e-mail address; an http or https address, the only kind the public card links.
 */
public final class ContactsRules {

    public static final int MAX_PHONE = 30;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_WEBSITE = 500;

    /** The fields as the API and the error's {@code field} name them. */
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final String WEBSITE = "website";

    private static final Pattern PHONE_CHARS = Pattern.compile("[0-9+\\-() ]+");
    /** Five digits at least: "(-)" or "+" alone is no number; a rural school's "2-15-36" is. */
    private static final Pattern FIVE_DIGITS = Pattern.compile("(?:\\D*\\d){5}.*");
    /** A sane address, not RFC 5322: letters of any script (an .рф domain), one @, a dot in the domain. */
    private static final Pattern EMAIL_FORM = Pattern.compile(
            "[\\p{L}\\p{N}._%+'-]+@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,}");
    private static final Pattern WEBSITE_FORM = Pattern.compile(
            "(?i)https?://(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,}(?::\\d{1,5})?(?:[/?#][^\\s]*)?");

    /** One field's problem, in both languages. */
    public record Problem(String field, ApiMessage text) {
    }

    private ContactsRules() {
    }

    /** The contacts with each value trimmed and a blank one null. */
    public static Contacts normalised(Contacts contacts) {
        return new Contacts(clean(contacts.phone()), clean(contacts.email()), clean(contacts.website()), contacts.version());
    }

    /** The problems of (normalised) contacts, in field order; empty when they are good. */
    public static List<Problem> problems(Contacts contacts) {
        List<Problem> problems = new ArrayList<>();
        if (!phone(contacts.phone())) {
            problems.add(new Problem(PHONE, TEXTS.text("catalog.contacts.phone", contacts.phone(), MAX_PHONE)));
        }
        if (!email(contacts.email())) {
            problems.add(new Problem(EMAIL, TEXTS.text("catalog.contacts.email", contacts.email())));
        }
        if (!website(contacts.website())) {
            problems.add(new Problem(WEBSITE, TEXTS.text("catalog.contacts.website", contacts.website())));
        }
        return problems;
    }

    /** The normalised contacts, or INVALID naming the first faulty field, with every problem in the message. */
    public static Contacts checked(String code, Contacts contacts) {
        Contacts clean = normalised(contacts);
        List<Problem> problems = problems(clean);
        if (!problems.isEmpty()) {
            String ru = String.join("; ", problems.stream().map(p -> p.text().ru()).toList());
            String en = String.join("; ", problems.stream().map(p -> p.text().en()).toList());
            throw (CatalogException) new CatalogException(CatalogException.Reason.INVALID, "catalog.contacts-invalid",
                    new ApiMessage(TEXTS.in("ru", "catalog.contacts-invalid", code, ru), TEXTS.in("en", "catalog.contacts-invalid", code, en)))
                    .withField(problems.get(0).field());
        }
        return clean;
    }

    /** A phone as the catalog keeps it; null (not known) is allowed. */
    public static boolean phone(String value) {
        return value == null || value.length() <= MAX_PHONE && PHONE_CHARS.matcher(value).matches() && FIVE_DIGITS.matcher(value).matches();
    }

    public static boolean email(String value) {
        return value == null || value.length() <= MAX_EMAIL && EMAIL_FORM.matcher(value).matches();
    }

    /** An http or https address: nothing else is linked from a public page (no javascript:, no data:). */
    public static boolean website(String value) {
        return value == null || value.length() <= MAX_WEBSITE && WEBSITE_FORM.matcher(value).matches();
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
