package org.oko.compendium.internal.book;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.specs.JsonSpecType;

/**
 * A region's compendium as data: its title and its chapters in order, each naming a chapter source with its options
 * and, if the region wants another heading, its title.
 */
public record CompendiumSpec(String key, int version, ApiMessage title, List<Part> chapters) implements JsonSpecType.Checked {

    /** A chapter of the spec: which source, under which heading (null: the source's), with what options. */
    public record Part(String source, ApiMessage title, Map<String, Object> options) {
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9.-]{0,39}")) {
            problems.add("key: lower-case letters, digits, '.' and '-', at most 40");
        }
        if (version < 1) {
            problems.add("version: 1 or more");
        }
        if (title == null || title.ru() == null || title.ru().isBlank()) {
            problems.add("title: a Russian title is needed");
        }
        if (chapters == null || chapters.isEmpty()) {
            problems.add("chapters: at least one");
        } else {
            for (int i = 0; i < chapters.size(); i++) {
                Part part = chapters.get(i);
                if (part == null || part.source() == null || part.source().isBlank()) {
                    problems.add("chapters[" + i + "].source: the chapter source's name is needed");
                }
            }
        }
        return problems;
    }
}
