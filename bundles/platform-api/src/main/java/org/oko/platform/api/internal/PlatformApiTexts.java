package org.oko.platform.api.internal;

import org.oko.platform.api.text.Texts;

/**
 * The platform API's own texts for people (the refusals its helpers throw, the roles' names), in
 * {@code messages.properties} (Russian) and {@code messages_en.properties} (English) beside this class.
 * A private package of the API bundle: other bundles read the texts through the API's classes.
 */
public final class PlatformApiTexts {

    public static final Texts TEXTS = Texts.of(PlatformApiTexts.class);

    private PlatformApiTexts() {
    }
}
