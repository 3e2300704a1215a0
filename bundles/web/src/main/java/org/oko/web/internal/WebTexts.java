package org.oko.web.internal;

import org.oko.platform.api.text.Texts;

/**
 * The web bundle's server-side texts for people, in {@code messages.properties} (Russian) and
 * {@code messages_en.properties} (English) beside this class; the pages' own texts are in {@code web/messages}.
 */
public final class WebTexts {

    public static final Texts TEXTS = Texts.of(WebTexts.class);

    private WebTexts() {
    }
}
