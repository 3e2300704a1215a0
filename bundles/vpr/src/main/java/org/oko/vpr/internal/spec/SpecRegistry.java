package org.oko.vpr.internal.spec;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.specs.Spec;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.oko.vpr.internal.store.SpecEntity;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The tests' specs as versioned data on the platform's {@link Specs}: this bundle ships the known
 * years under {@code OKO-INF/specs/vpr.test/} (the platform's extender picks them up, {@link TestSpecType}
 * reads and checks them), the centre publishes new versions through the API. A published version never
 * changes; new imports check against the newest.
 */
@Component(service = SpecRegistry.class)
public class SpecRegistry {

    public static final String KIND = TestSpecType.KIND;
    private static final Logger LOG = LoggerFactory.getLogger(SpecRegistry.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Reference
    private Specs specs;

    /** Only to start after the type is registered, so that the platform reads this kind before it is asked for it. */
    @Reference(target = "(" + SpecType.KIND + "=" + TestSpecType.KIND + ")")
    private SpecType type;

    /** ВПР's own table of specs, before the platform kept them: read once to carry the centre's versions over. */
    @Reference(target = "(osgi.unit.name=oko-vpr)")
    private JpaTemplate jpa;

    private volatile boolean carriedOver;
    private final Map<String, TestSpec> parsed = new ConcurrentHashMap<>();

    /**
     * The centre's versions from ВПР's own table into the platform's, once, at the first use: by then this
     * type is registered (during {@code activate} it is not yet, and the platform could not read them).
     */
    private void carryOver() {
        if (carriedOver) {
            return;
        }
        synchronized (this) {
            if (!carriedOver) {
                CallerContext.asSystem(() -> { // published by the system, not by whoever asked first
                    carryOverNow();
                    return null;
                });
                carriedOver = true;
            }
        }
    }

    private void carryOverNow() {
        List<SpecEntity> earlier = jpa.txExpr(em -> em.createQuery("SELECT s FROM SpecEntity s", SpecEntity.class).getResultList());
        earlier.stream().sorted(Comparator.comparingInt(SpecEntity::version)).forEach(entity -> {
            try { // in version order, so each is the newest when it is published
                TestSpec spec = parse(entity.json());
                if (specs.version(KIND, spec.key(), spec.version()).isEmpty()) {
                    specs.publish(KIND, entity.json());
                }
            } catch (RuntimeException e) { // one unreadable or out-of-order row must not stop ВПР
                LOG.warn("A ВПР spec of the old table (version {}) not carried over: {}", entity.version(), e.getMessage());
            }
        });
    }

    /** Every test with its newest version, the newest year first. */
    public List<TestSpec> latest() {
        carryOver();
        return specs.latest(KIND).stream().map(this::parse)
                .sorted(Comparator.comparing(TestSpec::year).reversed().thenComparing(TestSpec::subject).thenComparing(TestSpec::grade))
                .toList();
    }

    public Optional<TestSpec> latest(String key) {
        carryOver();
        return specs.latest(KIND, key).map(this::parse);
    }

    public Optional<TestSpec> version(String key, int version) {
        carryOver();
        return specs.version(KIND, key, version).map(this::parse);
    }

    /** Publishes a new version: it must be valid and newer than the newest one. */
    public TestSpec publish(TestSpec spec) {
        carryOver();
        try {
            Spec published = specs.publish(KIND, JSON.writeValueAsString(spec));
            return parse(published.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }

    /** A published version never changes: each is parsed once (form 7 asks for every school). */
    private TestSpec parse(Spec spec) {
        if (parsed.size() > 10_000) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(spec.key() + " " + spec.version(), k -> parse(spec.json()));
    }

    private static TestSpec parse(String json) {
        return TestSpecType.parse(json);
    }
}
