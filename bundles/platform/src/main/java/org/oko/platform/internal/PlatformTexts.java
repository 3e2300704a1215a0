package org.oko.platform.internal;

import org.oko.platform.api.text.Texts;

/**
 * The platform's texts for people (refusals of its REST calls, module and storage problems, job outcomes),
 * in {@code messages.properties} (Russian) and {@code messages_en.properties} (English) beside this class.
 */
public final class PlatformTexts {

    public static final Texts TEXTS = Texts.of(PlatformTexts.class);

    private PlatformTexts() {
    }
}
