package org.oko.forms.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a form, as its JSON definition states it. A published version never changes;
 * a change is a new version, with {@link #upgrade()} saying how values carry over.
 */
public record FormDefinition(String id, int version, Text title, Text description, List<Section> sections,
                             List<Rule> rules, Upgrade upgrade) {

    public FormDefinition {
        sections = List.copyOf(sections);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** "miac-1@2": how logs, files and messages name one version. */
    public String key() {
        return id + "@" + version;
    }

    /** Every item of every section, in order. */
    public List<SectionItem> items() {
        List<SectionItem> items = new ArrayList<>();
        sections.forEach(section -> items.addAll(section.items()));
        return items;
    }

    public Optional<SectionItem> item(String code) {
        return items().stream().filter(item -> item.code().equals(code)).findFirst();
    }
}
