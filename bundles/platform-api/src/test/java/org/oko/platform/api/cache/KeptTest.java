package org.oko.platform.api.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class KeptTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();

    private String load() {
        return "v" + loads.incrementAndGet();
    }

    @Test
    void keptWhileTheTokenHoldsAndYoungEnough() throws Exception {
        Kept<String, String> kept = Kept.of(Duration.ofSeconds(10), 4, now::get);
        assertEquals("v1", kept.get("a", 1L, this::load));
        now.addAndGet(9_999);
        assertEquals("v1", kept.get("a", 1L, this::load), "same token, younger than 10 s");
        assertEquals("v2", kept.get("a", 2L, this::load), "another token: computed afresh");
        now.addAndGet(10_000);
        assertEquals("v3", kept.get("a", 2L, this::load), "too old");
        assertEquals("v4", kept.get("b", null, this::load), "keys apart");
        assertEquals("v4", kept.get("b", null, this::load), "a null token holds too");
    }

    @Test
    void untilChangedHasNoAge() throws Exception {
        Kept<String, String> kept = Kept.of(Kept.UNTIL_CHANGED, 4, now::get);
        kept.get("a", 7L, this::load);
        now.addAndGet(365L * 24 * 3600 * 1000);
        assertEquals("v1", kept.get("a", 7L, this::load));
    }

    @Test
    void aCapShortensEveryAgeUntilChangedIncluded() throws Exception {
        Kept<String, String> kept = Kept.of(Kept.UNTIL_CHANGED, 4, now::get);
        try {
            Kept.capAge(Duration.ofSeconds(30));
            kept.get("a", 7L, this::load);
            now.addAndGet(29_999);
            assertEquals("v1", kept.get("a", 7L, this::load));
            now.addAndGet(1);
            assertEquals("v2", kept.get("a", 7L, this::load), "another node may have changed it meanwhile");
        } finally {
            Kept.capAge(Kept.UNTIL_CHANGED);
        }
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheLimit() throws Exception {
        Kept<Integer, String> kept = Kept.of(Duration.ofMinutes(1), 2, now::get);
        kept.get(1, null, this::load);
        kept.get(2, null, this::load);
        kept.get(1, null, this::load); // 1 used last: 2 goes first
        kept.get(3, null, this::load);
        assertNull(kept.peek(2));
        assertEquals("v1", kept.peek(1));
        kept.forget(1);
        assertNull(kept.peek(1));
        kept.forgetAll();
        assertNull(kept.peek(3));
    }

    @Test
    void aFailedLoadKeepsNothing() {
        Kept<String, String> kept = Kept.of(Duration.ofMinutes(1), 2, now::get);
        assertThrows(IllegalStateException.class, () -> kept.get("a", null, () -> {
            throw new IllegalStateException("no");
        }));
        assertNull(kept.peek("a"));
    }

    @Test
    void aValuePutIsKeptAsAComputedOne() throws Exception {
        Kept<String, String> kept = Kept.of(Duration.ofSeconds(10), 4, now::get);
        assertFalse(kept.holds("a", 1L));
        kept.put("a", 1L, "read with others");
        assertTrue(kept.holds("a", 1L));
        assertFalse(kept.holds("a", 2L), "another token");
        assertEquals("read with others", kept.get("a", 1L, this::load));
        now.addAndGet(10_000);
        assertFalse(kept.holds("a", 1L), "too old");
        assertEquals(0, loads.get());
    }

    @Test
    void staleWhileReloadingOneThreadLoadsTheOthersGetTheOldValue() throws Exception {
        Kept<String, String> kept = Kept.<String, String>of(Duration.ofSeconds(10), 4, now::get).staleWhileReloading();
        assertEquals("v1", kept.get("a", 1L, this::load));
        now.addAndGet(10_000);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> reloaded = CompletableFuture.supplyAsync(() -> {
            try {
                return kept.get("a", 1L, () -> {
                    loading.countDown();
                    release.await(10, TimeUnit.SECONDS);
                    return load();
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(loading.await(10, TimeUnit.SECONDS));
        assertEquals("v1", kept.get("a", 1L, this::load), "too old, but another thread is loading it");
        assertEquals("v2", kept.get("a", 2L, this::load), "another token is not waited out");
        release.countDown();
        assertEquals("v3", reloaded.get(10, TimeUnit.SECONDS));
        assertEquals("v3", kept.get("a", 1L, this::load));
        now.addAndGet(10_000);
        assertEquals("v4", kept.get("a", 1L, this::load), "once loaded, the next expiry is loaded again");
    }
}
