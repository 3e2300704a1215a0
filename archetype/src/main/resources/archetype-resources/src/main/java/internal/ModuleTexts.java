package ${package}.internal;

import org.oko.platform.api.text.Texts;

/**
 * The module's texts for people: {@code messages.properties} (Russian) and {@code messages_en.properties}
 * (English) beside this class, by message key; a refusal's key is its code.
 */
public final class ModuleTexts {

    /** Every text the module shows or writes for people. */
    public static final Texts TEXTS = Texts.of(ModuleTexts.class);

    private ModuleTexts() {
    }
}
