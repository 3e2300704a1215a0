package org.oko.platform.api.jobs;

import java.util.List;
import java.util.Optional;

/**
 * Runs long work in the background, as the person who started it. Jobs of one kind run one after
 * another, in the order they were started (an import holds its tables while it writes); jobs of
 * different kinds run side by side. The latest jobs of each kind are kept in memory for their
 * answers; what must outlive a restart (an import's history line) the work stores itself.
 * Authorisation is the caller's: check the role before starting or showing a job.
 */
public interface Jobs {

    /** How many ended jobs of a kind are kept. */
    int KEPT = 20;

    /** The work of a job: report progress on it; throw to fail it (the reason is logged with an incident id). */
    @FunctionalInterface
    interface Work {
        void run(Job job) throws Exception;
    }

    /** Queues the work; the job answers at once with its id. */
    Job start(String kind, String title, Work work);

    Optional<Job> job(String kind, long id);

    /** The kept jobs of a kind, newest first. */
    List<Job> jobs(String kind);
}
