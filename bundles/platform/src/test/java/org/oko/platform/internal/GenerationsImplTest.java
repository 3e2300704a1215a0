package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.oko.platform.api.cache.Generation;

/** Two "nodes" sharing generations through one real (in-memory) Derby database, as nodes share a server. */
class GenerationsImplTest {

    @Test
    void aChangeAdvancedOnOneNodeIsSeenOnTheOtherWithinASecond() throws Exception {
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName("memory:generations");
        db.setCreateDatabase("create");
        SchemaFixture.migrate(db, "OKO-INF/db/changelog.xml");
        Generation one = new GenerationsImpl(db).of("gto.tests");
        Generation two = new GenerationsImpl(db).of("gto.tests");

        long before = two.current();
        assertEquals(before, one.current(), "both read the same row");
        one.advance();
        assertNotEquals(before, one.current(), "the writing node sees its change at once");
        Thread.sleep(GenerationsImpl.READ_MILLIS + 100);
        assertEquals(one.current(), two.current(), "the other node within its second");
        assertNotEquals(before, two.current());

        two.advance();
        two.advance();
        Thread.sleep(GenerationsImpl.READ_MILLIS + 100);
        assertEquals(before + 3, one.current(), "advances of both nodes add up, none lost");
    }

    @Test
    void aLocalGenerationMovesOnWithEveryAdvance() {
        Generation local = Generation.local();
        long before = local.current();
        local.advance();
        assertEquals(before + 1, local.current());
    }
}
