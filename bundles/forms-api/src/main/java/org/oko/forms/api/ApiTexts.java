package org.oko.forms.api;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.text.Texts;

/**
 * The forms API's own texts for people (the rows of shared breakdowns): {@code messages.properties}
 * (Russian) and {@code messages_en.properties} (English) beside this class. Not part of the API.
 */
final class ApiTexts {

    static final Texts TEXTS = Texts.of(ApiTexts.class);

    private ApiTexts() {
    }

    /** The text of {@code key} as the API's {@link Text}. */
    static Text text(String key, Object... arguments) {
        ApiMessage message = TEXTS.text(key, arguments);
        return new Text(message.ru(), message.en());
    }
}
