package org.oko.compendium.internal.book;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.compendium.api.ChapterSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The whiteboard of chapter sources by name: the analytics', each installed procedure module's, the compendium's own. */
@Component(service = ChapterSources.class)
public class ChapterSources {

    private final Map<String, ChapterSource> sources = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(ChapterSource source, Map<String, Object> properties) {
        sources.put(name(properties), source);
    }

    void remove(ChapterSource source, Map<String, Object> properties) {
        sources.remove(name(properties), source);
    }

    private static String name(Map<String, Object> properties) {
        return String.valueOf(properties.getOrDefault(ChapterSource.SOURCE, "?"));
    }

    public Optional<ChapterSource> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Set<String> names() {
        return new TreeSet<>(sources.keySet());
    }
}
