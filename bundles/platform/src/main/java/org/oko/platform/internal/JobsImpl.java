package org.oko.platform.internal;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.jobs.Job;
import org.oko.platform.api.jobs.Jobs;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jobs on one worker thread per kind, created when a kind first starts work; the latest {@value Jobs#KEPT} of each kept. */
@Component(service = Jobs.class)
public class JobsImpl implements Jobs {

    private static final Logger LOG = LoggerFactory.getLogger(JobsImpl.class);

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, ExecutorService> workers = new HashMap<>();
    private final Map<String, Deque<Job>> kept = new HashMap<>();
    private boolean stopped;

    @Override
    public Job start(String kind, String title, Work work) {
        Caller caller = CallerContext.current();
        String actor = caller == null || caller.login() == null ? "system" : caller.login();
        Job job = new Job(ids.incrementAndGet(), kind, title, actor);
        ExecutorService worker;
        synchronized (this) {
            if (stopped) {
                throw TEXTS.refusal(ApiException.Kind.CONFLICT, "job.oko-stopping");
            }
            Deque<Job> jobs = kept.computeIfAbsent(kind, k -> new ArrayDeque<>());
            jobs.addFirst(job);
            // Drop the oldest ended jobs beyond the limit; running and queued ones stay.
            List<Job> ended = jobs.stream().filter(Job::ended).toList();
            for (int i = ended.size() - 1; i >= 0 && jobs.size() > KEPT; i--) {
                jobs.remove(ended.get(i));
            }
            worker = workers.computeIfAbsent(kind, k -> Executors.newSingleThreadExecutor(r -> new Thread(r, "oko-job-" + k)));
        }
        worker.submit(() -> CallerContext.runAs(caller == null ? Caller.SYSTEM : caller, () -> run(job, work)));
        return job;
    }

    private static void run(Job job, Work work) {
        job.state(Job.RUNNING);
        try {
            work.run(job);
            job.finish(Job.FAILED.equals(job.state()) ? Job.FAILED : Job.DONE, (ApiMessage) null);
        } catch (Exception | OutOfMemoryError e) {
            if (StorageGuard.isStorageFailure(e)) {
                LOG.warn("Job {} {} failed on the storage: {}", job.kind(), job.id(), e.toString());
                job.finish(Job.FAILED, TEXTS.text("job.storage-failed"));
            } else {
                String incident = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("Job {} {} failed (incident {})", job.kind(), job.id(), incident, e);
                // The reason in each language: a refusal's own texts, an older "ru / en" message split in two.
                ApiMessage reason = e instanceof ApiException refusal ? refusal.text() : ApiMessage.split(e.getMessage());
                job.finish(Job.FAILED, new ApiMessage(TEXTS.ru("job.failed", incident, reason.ru()),
                        TEXTS.in("en", "job.failed", incident, reason.en())));
            }
        }
    }

    @Override
    public synchronized Optional<Job> job(String kind, long id) {
        return kept.getOrDefault(kind, new ArrayDeque<>()).stream().filter(j -> j.id() == id).findFirst();
    }

    @Override
    public synchronized List<Job> jobs(String kind) {
        return new ArrayList<>(kept.getOrDefault(kind, new ArrayDeque<>()));
    }

    @Deactivate
    synchronized void deactivate() {
        stopped = true;
        workers.values().forEach(ExecutorService::shutdownNow);
    }
}
