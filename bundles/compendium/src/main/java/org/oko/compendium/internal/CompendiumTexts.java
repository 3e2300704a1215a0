package org.oko.compendium.internal;

import org.oko.platform.api.text.Texts;

/** The compendium's texts, Russian and English (messages.properties beside this class). */
public final class CompendiumTexts {

    public static final Texts TEXTS = Texts.of(CompendiumTexts.class);

    private CompendiumTexts() {
    }
}
