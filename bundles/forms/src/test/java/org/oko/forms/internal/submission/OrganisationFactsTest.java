package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.forms.api.RowSpec;

/** What a save needs of an organisation: read once, kept a while, read again by one thread when it expired. */
class OrganisationFactsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger reads = new AtomicInteger();
    /** Holds the catalog's answers while set: a slow catalog. */
    private volatile CountDownLatch slow;

    private static Organisation organisation(String code, String shortName, String parent) {
        return new Organisation(code, OrganisationKind.SCHOOL, shortName, shortName, FounderType.MUNICIPAL, "F1", "T1", null, Set.of(),
                null, null, null, null, null, parent, null, 0);
    }

    /** A catalog of school S1 with its branch S1-1, counting the reads of S1. */
    private final CatalogService catalog = (CatalogService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {CatalogService.class}, (proxy, method, args) -> switch (method.getName()) {
                case "organisation" -> {
                    if ("S1".equals(args[0])) {
                        reads.incrementAndGet();
                        CountDownLatch hold = slow;
                        if (hold != null) {
                            hold.await(10, TimeUnit.SECONDS);
                        }
                        yield Optional.of(organisation("S1", "Школа " + reads.get(), null));
                    }
                    yield "S1-1".equals(args[0]) ? Optional.of(organisation("S1-1", "Филиал", "S1")) : Optional.empty();
                }
                case "subtree" -> "S1".equals(args[0]) ? Set.of("S1", "S1-1") : Set.of(args[0]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final SubmissionAccess access = new SubmissionAccess(null, catalog, now::get);

    @Test
    void theOrganisationAndItsBranchesAreReadOnceAndKeptUntilTheyExpire() {
        assertEquals(List.of("S1", "S1-1"), access.structuralUnits("S1").stream().map(RowSpec::key).toList());
        assertEquals("Школа 1", access.organisation("S1").shortName());
        now.addAndGet(SubmissionAccess.ORGANISATION_TTL_MS - 1);
        assertEquals("Школа 1", access.organisation("S1").shortName());
        assertEquals(1, reads.get(), "one read for the organisation and its units");
        now.addAndGet(1);
        assertEquals("Школа 2", access.organisation("S1").shortName(), "expired: read again");
        assertEquals(2, reads.get());
    }

    @Test
    void whileOneThreadReadsExpiredFactsAgainTheOthersGoOnWithTheKeptOnes() throws Exception {
        Organisation kept = access.organisation("S1");
        now.addAndGet(SubmissionAccess.ORGANISATION_TTL_MS);
        slow = new CountDownLatch(1);
        CompletableFuture<Organisation> refreshing = CompletableFuture.supplyAsync(() -> access.organisation("S1"));
        while (reads.get() < 2) {
            Thread.sleep(5); // the refreshing thread is in the catalog
        }
        for (int other = 0; other < 5; other++) {
            assertSame(kept, access.organisation("S1"), "not held up by the slow catalog, nor reading it too");
        }
        assertEquals(2, reads.get());
        slow.countDown();
        assertEquals("Школа 2", refreshing.get(10, TimeUnit.SECONDS).shortName());
        assertEquals("Школа 2", access.organisation("S1").shortName(), "the fresh facts kept");
        assertEquals(2, reads.get());
    }
}
