package org.oko.forms.internal;

import org.oko.forms.api.Text;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.text.Texts;

/**
 * The forms bundle's texts for people: {@code messages.properties} (Russian) and
 * {@code messages_en.properties} (English) beside this class, by message key.
 */
public final class FormsTexts {

    /** Every text the bundle shows or writes for people. */
    public static final Texts TEXTS = Texts.of(FormsTexts.class);

    /** The text of {@code key} in both languages as the forms API's {@link Text}, e.g. for a validation message. */
    public static Text text(String key, Object... arguments) {
        ApiMessage message = TEXTS.text(key, arguments);
        return new Text(message.ru(), message.en());
    }

    private FormsTexts() {
    }
}
