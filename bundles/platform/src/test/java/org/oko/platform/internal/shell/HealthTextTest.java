package org.oko.platform.internal.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.DatabaseHealth;
import org.oko.platform.api.Health;
import org.oko.platform.api.ModuleInfo;
import org.oko.platform.api.StorageHealth;

class HealthTextTest {

    @Test
    void printsEveryFactOfHealth() {
        Health health = new Health(Health.Status.DEGRADED, "1.2.3", Instant.parse("2026-03-01T10:00:00Z"), true,
                new DatabaseHealth(true, "Apache Derby 10.14.2.0", "/opt/oko/data/derby/oko", 7,
                        Instant.parse("2026-01-15T08:30:00Z"), null),
                List.of(new ModuleInfo("org.oko.vpr", "ВПР", "1.0.0", "procedure", "ACTIVE", 1, 2,
                        List.of("component Importer lacks service jpa"))));
        String text = HealthText.format(health);
        assertTrue(text.startsWith("OKO 1.2.3: DEGRADED\n"), text);
        assertTrue(text.contains("Demo data: on"), text);
        assertTrue(text.contains("Database:  reachable, Apache Derby 10.14.2.0"), text);
        assertTrue(text.contains("location: /opt/oko/data/derby/oko"), text);
        assertTrue(text.contains("starts:   7, first 15.01.2026"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+org\\.oko\\.vpr\\s+1\\.0\\.0\\s+procedure\\s+ACTIVE\\s+1/2\\s+ВПР")), text);
        assertTrue(text.contains("! component Importer lacks service jpa"), text);
    }

    @Test
    void unreachableDatabaseShowsTheError() {
        Health health = new Health(Health.Status.DOWN, "1.2.3", Instant.now(), false,
                new DatabaseHealth(false, null, "/ro/db", 0, null, "Database '/ro/db' is read-only"), List.of());
        String text = HealthText.format(health);
        assertTrue(text.contains("Database:  NOT reachable"), text);
        assertTrue(text.contains("error:    Database '/ro/db' is read-only"), text);
    }

    @Test
    void aFullDiskShowsTheStorageAndWhySavingIsRefused() {
        Health health = new Health(Health.Status.READ_ONLY, "1.2.3", Instant.now(), false,
                new DatabaseHealth(true, "Apache Derby", "/opt/oko/data/derby/oko", 1, Instant.now(), null), List.of(),
                new StorageHealth("/opt/oko/data/derby/oko", 40L * 1024 * 1024, 100L * 1024 * 1024, true, "Сохранение приостановлено"));
        String text = HealthText.format(health);
        assertTrue(text.startsWith("OKO 1.2.3: READ_ONLY\n"), text);
        assertTrue(text.contains("Storage:   40 MB free, reserve 100 MB, writable"), text);
        assertTrue(text.contains("folder:   /opt/oko/data/derby/oko"), text);
        assertTrue(text.contains("problem:  Сохранение приостановлено"), text);
    }
}
