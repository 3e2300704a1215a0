package org.oko.vpr.internal.spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.vpr.internal.store.SpecEntity;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tests' specs as versioned data: the module ships the known years in
 * {@code OKO-INF/vpr/specs/}; the centre publishes new versions through the API. A published
 * version never changes; new imports check against the newest.
 */
@Component(service = SpecRegistry.class)
public class SpecRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SpecRegistry.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Reference(target = "(osgi.unit.name=oko-vpr)")
    private JpaTemplate jpa;

    @Activate
    void activate(BundleContext context) throws IOException {
        Enumeration<URL> shipped = context.getBundle().findEntries("OKO-INF/vpr/specs", "*.json", false);
        for (URL url : shipped == null ? Collections.<URL>emptyList() : Collections.list(shipped)) {
            try (InputStream in = url.openStream()) {
                TestSpec spec = JSON.readValue(in, TestSpec.class);
                if (!spec.problems().isEmpty()) {
                    LOG.warn("ВПР spec {} refused: {}", url.getPath(), spec.problems());
                } else if (version(spec.key(), spec.version()).isEmpty()) {
                    store(spec);
                }
            }
        }
    }

    /** Every test with its newest version. */
    public List<TestSpec> latest() {
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM SpecEntity s", SpecEntity.class).getResultList()).stream()
                .map(SpecRegistry::parse)
                .collect(java.util.stream.Collectors.toMap(TestSpec::key, s -> s,
                        (a, b) -> a.version() >= b.version() ? a : b))
                .values().stream().sorted(Comparator.comparing(TestSpec::year).reversed()
                        .thenComparing(TestSpec::subject).thenComparing(TestSpec::grade)).toList();
    }

    public Optional<TestSpec> latest(String key) {
        return latest().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<TestSpec> version(String key, int version) {
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM SpecEntity s WHERE s.testKey = :k AND s.version = :v", SpecEntity.class)
                .setParameter("k", key).setParameter("v", version).getResultList()).stream().findFirst().map(SpecRegistry::parse);
    }

    /** Publishes a new version: it must be valid and newer than the newest one. */
    public TestSpec publish(TestSpec spec) {
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        int newest = latest(spec.key()).map(TestSpec::version).orElse(0);
        if (spec.version() <= newest) {
            throw new IllegalStateException("Версия " + spec.version() + " уже опубликована или старше последней (" + newest
                    + "): опубликованная версия не меняется / publish a newer version");
        }
        store(spec);
        return spec;
    }

    private void store(TestSpec spec) {
        try {
            String json = JSON.writeValueAsString(spec);
            jpa.tx(em -> em.persist(new SpecEntity(spec.key(), spec.version(), json)));
            LOG.info("ВПР spec {} v{} published", spec.key(), spec.version());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestSpec parse(SpecEntity entity) {
        try {
            return JSON.readValue(entity.json(), TestSpec.class);
        } catch (IOException e) {
            throw new IllegalStateException("A stored ВПР spec does not parse", e);
        }
    }
}
