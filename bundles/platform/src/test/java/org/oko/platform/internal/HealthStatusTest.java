package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.Health;

/** The order of the health checks: an unhealthy module outranks a read-only storage, so the launcher never reports ready. */
class HealthStatusTest {

    @Test
    void storageNotOkAndAnUnhealthyModuleIsDegraded() {
        assertEquals(Health.Status.DEGRADED, HealthServiceImpl.status(true, true, false, false));
    }

    @Test
    void storageNotOkWithEveryModuleHealthyIsReadOnly() {
        assertEquals(Health.Status.READ_ONLY, HealthServiceImpl.status(true, true, false, true));
    }

    @Test
    void allFineIsUp() {
        assertEquals(Health.Status.UP, HealthServiceImpl.status(true, true, true, true));
    }

    @Test
    void bootAndDatabaseComeFirst() {
        assertEquals(Health.Status.STARTING, HealthServiceImpl.status(false, false, false, false));
        assertEquals(Health.Status.DOWN, HealthServiceImpl.status(true, false, false, false));
    }
}
