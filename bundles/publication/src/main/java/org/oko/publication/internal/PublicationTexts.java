package org.oko.publication.internal;

import org.oko.platform.api.text.Texts;

/**
 * The publication bundle's texts for people: {@code messages.properties} (Russian) and {@code messages_en.properties}
 * (English) beside this class, by message key.
 */
public final class PublicationTexts {

    public static final Texts TEXTS = Texts.of(PublicationTexts.class);

    private PublicationTexts() {
    }
}
