package org.oko.forms.internal.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormInfo;
import org.oko.forms.api.FormProblem;
import org.oko.forms.api.FormRegistry;
import org.oko.forms.internal.definition.DefinitionException;
import org.oko.forms.internal.definition.DefinitionParser;
import org.oko.forms.internal.eval.DefinitionChecker;
import org.oko.platform.api.ModuleProblems;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The forms that sources (module bundles, files in deploy/) provide right now, over every version
 * ever published (kept in the database). A source publishes its definitions when it starts and
 * withdraws them when it stops; a definition that is refused is kept as a problem of its source
 * and never disturbs other sources.
 */
@Component(service = {FormRegistry.class, FormRegistryImpl.class, ModuleProblems.class})
public class FormRegistryImpl implements FormRegistry, ModuleProblems {

    private static final Logger LOG = LoggerFactory.getLogger(FormRegistryImpl.class);

    @Reference
    private FormStore store;

    /** What each source provides now: source → form key → definition. */
    private final Map<String, Map<String, FormDefinition>> available = new LinkedHashMap<>();
    /**
     * The keys of {@link #available}, replaced after each change: every save asks whether its form is available,
     * and must neither wait for the registry's lock (held while a module's forms are checked and stored) nor look
     * through every source.
     */
    private volatile Set<String> availableKeys = Set.of();
    private final Map<String, List<FormProblem>> problems = new LinkedHashMap<>();
    private final Map<String, Long> bundleIds = new HashMap<>();
    /** Parsed stored definitions, by key: published versions never change, so this never goes stale. */
    private final Map<String, FormDefinition> known = new ConcurrentHashMap<>();
    /**
     * Replaces what a source provides by these files (name → JSON content). When none of the new
     * content is accepted, the source keeps what it provided before (a file in deploy/ overwritten
     * with a refused definition does not take its live form offline); the refusal is reported.
     *
     * @param bundleId the module bundle's id, or -1 for a file in deploy/
     */
    public synchronized void publish(String source, long bundleId, Map<String, String> files) {
        try {
            replace(source, bundleId, files);
        } finally {
            keysChanged(); // also when storing failed half-way: the keys say what is available now
        }
    }

    private void replace(String source, long bundleId, Map<String, String> files) {
        Map<String, FormDefinition> before = available.remove(source); // its own forms do not clash with the new content
        problems.remove(source);
        bundleIds.put(source, bundleId);
        Map<String, FormDefinition> provided = new LinkedHashMap<>();
        List<FormProblem> refused = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            try {
                FormDefinition definition = take(source, file.getValue());
                if (provided.containsKey(definition.key())) {
                    throw new DefinitionException(List.of(definition.key() + " is defined twice in this module"));
                }
                provided.put(definition.key(), definition);
            } catch (DefinitionException e) {
                for (String problem : e.problems()) {
                    refused.add(new FormProblem(source, file.getKey(), problem));
                }
                LOG.warn("Form definition {} of {} refused: {}", file.getKey(), source, e.getMessage());
            }
        }
        if (provided.isEmpty() && !refused.isEmpty() && before != null && !before.isEmpty()) {
            LOG.warn("New content of {} refused; its forms {} stay available", source, before.keySet());
            provided = before;
        } else if (before != null && !before.isEmpty()) {
            LOG.info("Forms of {} replaced: {} → {}", source, before.keySet(), provided.keySet());
        }
        available.put(source, provided);
        if (!refused.isEmpty()) {
            problems.put(source, refused);
        }
        if (!provided.isEmpty()) {
            LOG.info("Forms of {} available: {}", source, provided.keySet());
        }
    }

    /** What the registry holds of an uploaded definition, so that the upload can say what it would change. */
    public enum Comparison {
        /** Never published: the upload publishes it. */
        NEW,
        /** Published before with this very content and not provided now: the upload brings it back. */
        SAME_OFFLINE,
        /** Provided now with this very content: nothing to do. */
        SAME_LIVE,
        /** Published before with other content: a published version never changes. */
        DIFFERENT
    }

    /** Compares a (valid) definition's JSON with what was published under its id and version. */
    public synchronized Comparison compare(FormDefinition definition, String json) throws JsonProcessingException {
        Optional<FormVersionEntity> stored = store.find(definition.key());
        if (stored.isEmpty()) {
            return Comparison.NEW;
        }
        if (!stored.get().sha256().equals(CanonicalJson.sha256(CanonicalJson.of(json)))) {
            return Comparison.DIFFERENT;
        }
        return sourceOf(definition.key()) != null ? Comparison.SAME_LIVE : Comparison.SAME_OFFLINE;
    }

    /** The source that provides this version now (a module's symbolic name, deploy:file), if any. */
    public synchronized Optional<String> source(String id, int version) {
        return Optional.ofNullable(sourceOf(id + "@" + version));
    }

    /** Who published this version first. */
    public Optional<String> firstSource(String id, int version) {
        return store.find(id + "@" + version).map(FormVersionEntity::firstSource);
    }

    public synchronized void withdraw(String source) {
        Map<String, FormDefinition> gone = available.remove(source);
        problems.remove(source);
        bundleIds.remove(source);
        keysChanged();
        if (gone != null && !gone.isEmpty()) {
            LOG.info("Forms of {} withdrawn: {}", source, gone.keySet());
        }
    }

    /** Parses, checks and records a definition; a published version must come back unchanged. */
    private FormDefinition take(String source, String json) throws DefinitionException {
        FormDefinition definition = DefinitionParser.parse(json);
        List<String> found = DefinitionChecker.check(definition); // expressions, references, cycles
        if (!found.isEmpty()) {
            throw new DefinitionException(found);
        }
        String canonical;
        try {
            canonical = CanonicalJson.of(json);
        } catch (JsonProcessingException e) {
            throw new DefinitionException(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        String sha = CanonicalJson.sha256(canonical);
        Optional<FormVersionEntity> stored = store.find(definition.key());
        if (stored.isPresent() && !stored.get().sha256().equals(sha)) {
            throw changed(definition, "before", stored.get());
        }
        for (var other : available.entrySet()) {
            if (!other.getKey().equals(source) && other.getValue().containsKey(definition.key())) {
                throw new DefinitionException(List.of(definition.key() + " is already provided by " + other.getKey()));
            }
        }
        if (stored.isEmpty()) {
            try {
                store.save(new FormVersionEntity(definition.id(), definition.version(), canonical, sha, source, Instant.now()));
                LOG.info("Form {} published by {}", definition.key(), source);
            } catch (RuntimeException failed) {
                // Another node stored the same version a moment before (two nodes reading the same file from their
                // deploy/ at once): the same content is that publication; other content is refused as above.
                FormVersionEntity first = store.find(definition.key()).orElseThrow(() -> failed);
                if (!first.sha256().equals(sha)) {
                    throw changed(definition, "at the same moment", first);
                }
                LOG.info("Form {} published by {}, stored by another node first", definition.key(), source);
            }
        }
        known.put(definition.key(), definition);
        return definition;
    }

    /** The refusal of a version published ({@code when}) with other content than {@code definition}'s. */
    private static DefinitionException changed(FormDefinition definition, String when, FormVersionEntity published) {
        return new DefinitionException(List.of("version " + definition.version() + " of form " + definition.id() + " was published "
                + when + " (by " + published.firstSource() + ") with other content; a published version never changes: give the"
                + " changed form a new version"));
    }

    @Override
    public synchronized List<FormInfo> forms() {
        List<FormInfo> forms = new ArrayList<>();
        for (FormVersionEntity version : store.all()) {
            String source = sourceOf(version.key());
            Optional<FormDefinition> definition = definition(version.formId(), version.version());
            definition.ifPresent(d -> forms.add(new FormInfo(d.id(), d.version(), d.title(),
                    source != null ? source : version.firstSource(), source != null)));
        }
        return forms;
    }

    @Override
    public Optional<FormDefinition> definition(String id, int version) {
        String key = id + "@" + version;
        FormDefinition cached = known.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.find(key).flatMap(stored -> {
            try {
                FormDefinition parsed = DefinitionParser.parse(stored.json());
                known.put(key, parsed);
                return Optional.of(parsed);
            } catch (DefinitionException e) {
                LOG.error("Stored form {} no longer parses: {}", key, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The stored JSON of a version, as it was published (keys sorted). */
    public Optional<String> json(String id, int version) {
        return store.find(id + "@" + version).map(FormVersionEntity::json);
    }

    @Override
    public synchronized Optional<FormDefinition> latest(String id) {
        return available.values().stream().flatMap(m -> m.values().stream())
                .filter(d -> d.id().equals(id)).max(Comparator.comparingInt(FormDefinition::version));
    }

    public boolean isAvailable(String id, int version) {
        return availableKeys.contains(id + "@" + version);
    }

    private void keysChanged() {
        Set<String> keys = new HashSet<>();
        available.values().forEach(provided -> keys.addAll(provided.keySet()));
        availableKeys = Set.copyOf(keys);
    }

    @Override
    public synchronized List<FormProblem> problems() {
        List<FormProblem> all = new ArrayList<>();
        problems.values().forEach(all::addAll);
        return all;
    }

    @Override
    public synchronized List<String> problemsOf(long bundleId) {
        List<String> result = new ArrayList<>();
        for (var entry : problems.entrySet()) {
            if (bundleIds.getOrDefault(entry.getKey(), -1L) == bundleId) {
                entry.getValue().forEach(p -> result.add(p.file() + ": " + p.message()));
            }
        }
        return result;
    }

    private String sourceOf(String key) {
        for (var entry : available.entrySet()) {
            if (entry.getValue().containsKey(key)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
