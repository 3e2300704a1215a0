package org.oko.scheduling.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Campaigns for other bundles (the demo data creates the МИАС campaign through it), as the current
 * caller: reading for the campaigns' readers, changing for the administrator, the regional
 * coordinator and the system — as {@code /api/campaigns} allows.
 *
 * @since 1.1
 */
public interface Campaigns {

    /**
     * A step of a campaign's roadmap.
     *
     * @param form     the form it collects with {@code period}, both null for a task
     * @param deadline null while it waits for an event
     */
    record Step(String id, String form, String period, LocalDate deadline) {

        public boolean collectsForm() {
            return form != null;
        }
    }

    /** Today as campaigns count it ({@code today} of etc/org.oko.scheduling.cfg, else the clock). */
    LocalDate today();

    boolean exists(String code);

    /**
     * The shipped МИАС roadmap of seed 000 (all 13 forms with their dates) for a year: the JSON of a
     * campaign definition with the code {@code miac-<year>}, as {@code POST /api/campaigns} takes it.
     */
    String miacRoadmap(int year);

    /**
     * Creates a campaign from its definition in JSON ({@code POST /api/campaigns}'s body).
     *
     * @return its steps in roadmap order, with their deadlines
     * @throws IllegalArgumentException when the JSON is not a definition or the definition has problems
     * @throws IllegalStateException    when the campaign exists
     */
    List<Step> create(String definitionJson);

    /** Marks a task (a step without a form) done, or not done again. */
    void markDone(String code, String stepId, boolean done);
}
