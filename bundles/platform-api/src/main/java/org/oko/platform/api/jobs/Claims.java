package org.oko.platform.api.jobs;

import java.time.Duration;

/**
 * Work that one node runs for all the nodes sharing a database: a scheduled run (reminders at 08:00 fire on every
 * node), a load at start. A claim is a row of the database named by the work: the node that writes it first runs the
 * work; the others skip it while the claim holds. A claim holds for {@code hold} from its start, and while the work
 * runs, so a node whose clock or scheduler fires a little later does not run it again. On embedded Derby there is one
 * node, and the claim is the same row.
 */
public interface Claims {

    /** The claimed work. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs the work here if no claim of {@code name} holds, holding one meanwhile and for {@code hold} from now.
     *
     * @return true when this node ran the work, false when another claim held
     * @throws Exception what the work threw (the claim still holds for {@code hold})
     */
    boolean runClaimed(String name, Duration hold, Work work) throws Exception;
}
