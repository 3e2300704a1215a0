package org.oko.compendium.internal.render;

import static org.oko.compendium.internal.CompendiumTexts.TEXTS;

import java.time.Instant;

/**
 * What the outputs say of the edition: its number within the year, its state (a draft is marked as one on every page),
 * who approved it — the person's name, never an account's login: the outputs are public — and when.
 */
public record Stamp(int edition, String status, String approverName, Instant approvedAt) {

    public boolean draft() {
        return "DRAFT".equals(status);
    }

    /** The title page's line of the approval in {@code lang}, or null for an edition not approved. */
    public String approval(String lang) {
        if (approvedAt == null) {
            return null;
        }
        String date = Cells.DATE.format(approvedAt);
        return approverName == null ? TEXTS.in(lang, "compendium.approved-on", date) : TEXTS.in(lang, "compendium.approved-by", approverName, date);
    }
}
