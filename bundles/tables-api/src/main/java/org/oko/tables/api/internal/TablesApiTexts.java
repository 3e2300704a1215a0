package org.oko.tables.api.internal;

import org.oko.platform.api.text.Texts;

/**
 * The tables API's texts for people (why a file is no table, the problems of its header and rows, the
 * words it writes into a workbook), in {@code messages.properties} (Russian) and {@code messages_en.properties}
 * (English) beside this class. A private package of the API bundle: other bundles get the texts through the
 * API's classes.
 */
public final class TablesApiTexts {

    public static final Texts TEXTS = Texts.of(TablesApiTexts.class);

    private TablesApiTexts() {
    }
}
