package org.oko.forms.api;

import java.util.List;

/** A part of a form with a title, shown as one page or block; hidden as a whole when {@code visibleIf} is false. */
public record Section(String id, Text title, String visibleIf, List<SectionItem> items) {

    public Section {
        items = List.copyOf(items);
    }
}
