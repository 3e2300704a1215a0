package org.oko.analytics.internal;

import org.oko.platform.api.text.Texts;

/** The analytics bundle's texts: {@code messages.properties} (Russian) and {@code messages_en.properties} (English). */
public final class AnalyticsTexts {

    public static final Texts TEXTS = Texts.of(AnalyticsTexts.class);

    private AnalyticsTexts() {
    }
}
