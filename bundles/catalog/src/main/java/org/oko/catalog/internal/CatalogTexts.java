package org.oko.catalog.internal;

import org.oko.catalog.api.CatalogException;
import org.oko.platform.api.text.Texts;

/**
 * The catalog's texts for people (refusals, the problems of an organisation and of an import's rows, the
 * console's output), in {@code messages.properties} (Russian) and {@code messages_en.properties} (English)
 * beside this class. The words an import recognises in a file (column headers, types, statuses) are data,
 * not texts: they stay in {@code io.CatalogColumns}, {@code io.Labels} and the catalog API's enums.
 */
public final class CatalogTexts {

    public static final Texts TEXTS = Texts.of(CatalogTexts.class);

    private CatalogTexts() {
    }

    /** A catalog refusal whose code is {@code key} and whose message is its text. */
    public static CatalogException refusal(CatalogException.Reason reason, String key, Object... arguments) {
        return new CatalogException(reason, key, TEXTS.text(key, arguments));
    }
}
