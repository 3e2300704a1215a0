package org.oko.scheduling.internal;

import org.oko.platform.api.text.Texts;

/**
 * The scheduling bundle's texts for people: {@code messages.properties} (Russian) and
 * {@code messages_en.properties} (English) beside this class, by message key.
 */
public final class SchedulingTexts {

    /** Every text the bundle shows, sends or writes for people. */
    public static final Texts TEXTS = Texts.of(SchedulingTexts.class);

    private SchedulingTexts() {
    }
}
