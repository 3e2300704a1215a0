package org.oko.noko.internal;

import org.oko.platform.api.text.Texts;

/**
 * The НОКО bundle's texts for people: {@code messages.properties} (Russian) and
 * {@code messages_en.properties} (English) beside this class, by message key.
 */
public final class NokoTexts {

    /** Every text the bundle shows or writes for people. */
    public static final Texts TEXTS = Texts.of(NokoTexts.class);

    private NokoTexts() {
    }
}
