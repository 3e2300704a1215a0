package org.oko.olympiad.internal;

import org.oko.platform.api.text.Texts;

/**
 * The ВсОШ bundle's texts for people: {@code messages.properties} (Russian) and
 * {@code messages_en.properties} (English) beside this class, by message key.
 */
public final class OlympiadTexts {

    /** Every text the bundle shows or writes for people. */
    public static final Texts TEXTS = Texts.of(OlympiadTexts.class);

    private OlympiadTexts() {
    }
}
