package org.oko.compendium.internal.render;

import java.time.Instant;

/**
 * What the outputs say of the edition: its number within the year, its state (a draft is marked as one on every page),
 * who approved it and when.
 */
public record Stamp(int edition, String status, String approvedBy, Instant approvedAt) {

    public boolean draft() {
        return "DRAFT".equals(status);
    }
}
