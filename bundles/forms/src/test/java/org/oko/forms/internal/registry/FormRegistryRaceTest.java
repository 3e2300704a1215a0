package org.oko.forms.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/**
 * Two nodes publishing the same form version at the same moment (each read the same file from its deploy/): the
 * second one's insert fails on the first one's row, and the form is live on both when the content is the same.
 */
class FormRegistryRaceTest {

    private static final String FORM = "{\"id\":\"race\",\"version\":1,\"title\":\"Гонка\",\"sections\":[{\"id\":\"main\",\"title\":\"Основное\","
            + "\"items\":[{\"code\":\"total\",\"label\":\"Всего\",\"type\":\"integer\"}]}]}";

    /** A store in which another node inserts its row just before this node's insert. */
    private static final class RacedStore extends FormStore {
        private final FormVersionEntity others;
        private boolean inserted;

        RacedStore(String othersJson) throws Exception {
            String canonical = CanonicalJson.of(othersJson);
            others = new FormVersionEntity("race", 1, canonical, CanonicalJson.sha256(canonical), "deploy:race.json on the other node",
                    Instant.now());
        }

        @Override
        public Optional<FormVersionEntity> find(String key) {
            return inserted ? Optional.of(others) : Optional.empty();
        }

        @Override
        public void save(FormVersionEntity version) {
            inserted = true;
            throw new PersistenceException("duplicate key value violates unique constraint \"OKO_FORM_VERSION_pkey\"");
        }
    }

    private static FormRegistryImpl registry(FormStore store) throws Exception {
        FormRegistryImpl registry = new FormRegistryImpl();
        Field field = FormRegistryImpl.class.getDeclaredField("store");
        field.setAccessible(true);
        field.set(registry, store);
        return registry;
    }

    @Test
    void theSameVersionStoredByAnotherNodeAMomentBeforeIsLiveHereToo() throws Exception {
        FormRegistryImpl registry = registry(new RacedStore(FORM));
        registry.publish("deploy:race.json", -1, Map.of("race.json", FORM));
        assertTrue(registry.isAvailable("race", 1));
        assertEquals(List.of(), registry.problems());
    }

    @Test
    void otherContentStoredAMomentBeforeIsRefusedAsAChangedVersion() throws Exception {
        FormRegistryImpl registry = registry(new RacedStore(FORM.replace("Всего", "Итого")));
        registry.publish("deploy:race.json", -1, Map.of("race.json", FORM));
        assertFalse(registry.isAvailable("race", 1));
        assertEquals(1, registry.problems().size());
        assertTrue(registry.problems().get(0).toString().contains("with other content"), registry.problems().toString());
    }
}
