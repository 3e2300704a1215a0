package org.oko.scheduling.api;

import java.time.LocalDate;

/**
 * Records the events campaign deadlines wait for: a module that receives the ВПР results records
 * {@code vpr-results}, and МИАС form 7, due 15 days after it, gets its date. Allowed to the
 * administrator, the regional coordinator and the system.
 */
public interface CampaignEvents {

    /**
     * @param event the event's name without the {@code event:} prefix
     * @throws java.util.NoSuchElementException when there is no such campaign
     */
    void record(String campaignCode, String event, LocalDate occurredOn);
}
