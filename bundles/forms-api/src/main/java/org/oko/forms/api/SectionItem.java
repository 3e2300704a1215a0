package org.oko.forms.api;

/** What a section holds, in order: single indicators and tables. */
public sealed interface SectionItem permits Indicator, Table {

    /** The code, unique in the form; values and expressions refer to the item by it. */
    String code();

    /** A condition over other indicators; when false the item is hidden and needs no value. Null: always shown. */
    String visibleIf();
}
