package org.oko.platform.internal.specs;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.cache.Kept;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.specs.Spec;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Specs of every kind on the platform's persistence unit. The files modules ship ({@link SpecExtender})
 * wait here until the module's {@link SpecType} for their kind is registered, then go in like a
 * publication by the bundle, older versions included (a module may ship past years).
 */
@Component(service = {Specs.class, SpecsImpl.class})
public class SpecsImpl implements Specs {

    private static final Logger LOG = LoggerFactory.getLogger(SpecsImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file a bundle ships, waiting for its kind's type. */
    record Shipped(String bundle, String path, String kind, String json) {
    }

    @Reference(target = "(osgi.unit.name=oko-platform)")
    private JpaTemplate jpa;

    private final Map<String, SpecType> types = new ConcurrentHashMap<>();
    private final Map<String, List<Shipped>> waiting = new LinkedHashMap<>();
    /**
     * Each kind's specs, sorted. A published version never changes, so they are read again only after a publication;
     * modules ask on every use (the ВПР module's form 7 once per school). The token is the count of publications, taken
     * before a read and raised after an insert commits: a read under way while one commits keeps its result under the
     * old count, which the next read no longer matches, so nothing stale stays.
     */
    private final Kept<String, List<Spec>> kept = Kept.of(Kept.UNTIL_CHANGED, 256);
    private final java.util.concurrent.atomic.AtomicLong publications = new java.util.concurrent.atomic.AtomicLong();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(SpecType type, Map<String, Object> properties) {
        Object kind = properties.get(SpecType.KIND);
        if (!(kind instanceof String name) || name.isBlank()) {
            LOG.warn("A spec type without the {} property is ignored: {}", SpecType.KIND, type);
            return;
        }
        types.put(name, type);
        List<Shipped> files;
        synchronized (waiting) {
            files = waiting.remove(name);
        }
        if (files != null) {
            files.forEach(this::store);
        }
    }

    void removeType(SpecType type, Map<String, Object> properties) {
        types.remove(String.valueOf(properties.get(SpecType.KIND)), type);
    }

    /** A shipped file: stored now if its kind is known, otherwise once it is. */
    void ship(Shipped file) {
        if (types.containsKey(file.kind())) {
            store(file);
            return;
        }
        synchronized (waiting) {
            waiting.computeIfAbsent(file.kind(), k -> new ArrayList<>()).add(file);
        }
        if (types.containsKey(file.kind())) { // the type came meanwhile
            List<Shipped> files;
            synchronized (waiting) {
                files = waiting.remove(file.kind());
            }
            if (files != null) {
                files.forEach(this::store);
            }
        }
    }

    private void store(Shipped file) {
        try {
            SpecType.Reading reading = read(file.kind(), file.json());
            if (!reading.problems().isEmpty()) {
                LOG.warn("Spec {} of bundle {} refused: {}", file.path(), file.bundle(), reading.problems());
                return;
            }
            synchronized (this) {
                Optional<Spec> stored = version(file.kind(), reading.key(), reading.version());
                if (stored.isEmpty()) {
                    insert(file.kind(), reading, file.json(), "bundle:" + file.bundle());
                } else if (!sameContent(stored.get().json(), file.json())) {
                    LOG.warn("Spec {} of bundle {} differs from the published {} v{}; the published one stays (publish a new version)",
                            file.path(), file.bundle(), reading.key(), reading.version());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Spec {} of bundle {} not read: {}", file.path(), file.bundle(), e.getMessage());
        }
    }

    @Override
    public List<Spec> latest(String kind) {
        Map<String, Spec> newest = new LinkedHashMap<>();
        for (Spec spec : all(kind, null)) {
            newest.merge(spec.key(), spec, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return new ArrayList<>(newest.values());
    }

    @Override
    public Optional<Spec> latest(String kind, String key) {
        List<Spec> versions = versions(kind, key);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public Optional<Spec> version(String kind, String key, int version) {
        return all(kind, key).stream().filter(s -> s.version() == version).findFirst();
    }

    @Override
    public List<Spec> versions(String kind, String key) {
        return all(kind, key);
    }

    private List<Spec> all(String kind, String key) {
        List<Spec> all;
        try {
            all = kept.get(kind, publications.get(), () -> jpa.txExpr(em -> em.createQuery("SELECT s FROM SpecEntity s WHERE s.kind = :kind",
                            SpecEntity.class).setParameter("kind", kind).getResultList())
                    .stream().map(SpecEntity::toSpec)
                    .sorted(Comparator.comparing(Spec::key).thenComparingInt(Spec::version)).toList());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return key == null ? all : all.stream().filter(s -> s.key().equals(key)).toList();
    }

    @Override
    public synchronized Spec publish(String kind, String json) {
        SpecType.Reading reading = read(kind, json);
        if (!reading.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", reading.problems()));
        }
        Optional<Spec> same = version(kind, reading.key(), reading.version());
        if (same.isPresent()) {
            if (sameContent(same.get().json(), json)) {
                return same.get();
            }
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "spec.published-version-never", reading.version(), reading.key());
        }
        int newest = latest(kind, reading.key()).map(Spec::version).orElse(0);
        if (reading.version() <= newest) {
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "spec.publish-version-newer", reading.version(), newest);
        }
        Caller caller = CallerContext.current();
        return insert(kind, reading, json, caller == null || caller.login() == null ? "system" : caller.login());
    }

    private Spec insert(String kind, SpecType.Reading reading, String json, String source) {
        SpecEntity entity = new SpecEntity(kind, reading.key(), reading.version(), json, source, Instant.now());
        jpa.tx(em -> em.persist(entity));
        publications.incrementAndGet();
        LOG.info("Spec {} {} v{} published by {}", kind, reading.key(), reading.version(), source);
        return entity.toSpec();
    }

    private SpecType.Reading read(String kind, String json) {
        SpecType type = types.get(kind);
        if (type == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "spec.unknown-kind", kind);
        }
        SpecType.Reading reading = type.read(json);
        if (reading.key() == null || reading.key().isBlank() || reading.key().length() > 120 || reading.version() < 1) {
            List<String> problems = new ArrayList<>(reading.problems());
            problems.add("key: not empty, at most 120 characters; version: 1 or more");
            return new SpecType.Reading(reading.key(), reading.version(), problems);
        }
        return reading;
    }

    /** The same JSON whatever its spacing and key order. */
    private static boolean sameContent(String a, String b) {
        try {
            JsonNode left = JSON.readTree(a);
            JsonNode right = JSON.readTree(b);
            return left.equals(right);
        } catch (IOException e) {
            return a.equals(b);
        }
    }
}
