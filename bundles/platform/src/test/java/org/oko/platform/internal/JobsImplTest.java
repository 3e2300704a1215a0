package org.oko.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.security.CallerContext;

/** The one job type: one job at a time per kind, as its starter, ending DONE or FAILED with the reason; the latest kept. */
class JobsImplTest {

    private final JobsImpl jobs = new JobsImpl();

    @AfterEach
    void stop() {
        jobs.deactivate();
    }

    private static Job ended(Job job) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!job.ended() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(job.ended(), "the job ended");
        return job;
    }

    @Test
    void jobsOfOneKindRunOneAfterAnotherAndOtherKindsBesideThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Jobs.Work slow = job -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            release.await(10, TimeUnit.SECONDS);
            job.progress(1, 1);
            running.decrementAndGet();
        };
        Job first = jobs.start("a", "first", slow);
        Job second = jobs.start("a", "second", slow);
        Job other = ended(jobs.start("b", "other", job -> job.detail("answer", 42)));
        assertEquals(Job.DONE, other.state(), "another kind did not wait for the first");
        assertEquals(42, other.toMap().get("answer"));
        assertEquals(Job.QUEUED, second.state());
        release.countDown();
        assertEquals(Job.DONE, ended(first).state());
        assertEquals(Job.DONE, ended(second).state());
        assertEquals(1, most.get(), "one at a time");
        assertEquals(List.of(second, first), jobs.jobs("a"), "newest first");
        assertEquals(first, jobs.job("a", first.id()).orElseThrow());
        assertTrue(jobs.job("b", first.id()).isEmpty(), "a job is found under its own kind only");
    }

    @Test
    void aJobFailsWithItsReasonAnIncidentOrAFullDiskNamedAsSuch() throws Exception {
        Job refused = ended(jobs.start("k", "refused", job -> {
            job.fail(new ApiMessage("В файле ошибки", "The file has errors"));
            job.state("WRITING"); // a late phase does not undo the failure
        }));
        assertEquals(Job.FAILED, refused.state());
        assertEquals("В файле ошибки", refused.error());
        assertEquals("В файле ошибки", refused.toMap().get("error"));
        assertEquals(java.util.Map.of("ru", "В файле ошибки", "en", "The file has errors"), refused.toMap().get("errorMessages"),
                "both languages, as the error format's messages");
        Job thrown = ended(jobs.start("k", "thrown", job -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(Job.FAILED, thrown.state());
        assertTrue(thrown.error().contains("инцидент") && thrown.error().contains("boom"), thrown.error());
        assertTrue(thrown.errorText().en().contains("incident") && thrown.errorText().en().contains("boom"), thrown.errorText().en());
        Job full = ended(jobs.start("k", "full", job -> {
            throw new SQLException("disk full", "XSLA4");
        }));
        assertTrue(full.error().contains("не хватило места"), full.error());
    }

    @Test
    void theJobRunsAsItsStarterAndTheLatestEndedOnesAreKept() throws Exception {
        String[] login = new String[1];
        Job job = CallerContext.callAs(org.oko.platform.api.security.Caller.SYSTEM,
                () -> jobs.start("who", "w", j -> login[0] = CallerContext.current().login()));
        ended(job);
        assertEquals("system", login[0]);
        assertEquals("system", job.actor());
        for (int i = 0; i < Jobs.KEPT + 5; i++) {
            ended(jobs.start("many", "n" + i, j -> { }));
        }
        assertEquals(Jobs.KEPT, jobs.jobs("many").size());
        assertEquals("n" + (Jobs.KEPT + 4), jobs.jobs("many").get(0).title());
    }
}
