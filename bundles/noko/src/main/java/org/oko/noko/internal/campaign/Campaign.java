package org.oko.noko.internal.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A year's assessment campaign: the method version it judges by, its dates, the operator's accounts and its
 * state — {@link #OPEN} (survey and checks under way), {@link #CLOSED} (survey closed, results final),
 * {@link #PUBLISHED} (results public; plans due).
 */
public record Campaign(int year, String title, String methodKey, int methodVersion, String state, LocalDate surveyFrom, LocalDate surveyTo,
                       LocalDate checksBy, LocalDate plansBy, List<String> operators, String createdBy, Instant createdAt, Instant publishedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String PUBLISHED = "PUBLISHED";

    /** The scheduling campaign that carries its deadlines. */
    public String schedulingCode() {
        return "noko-" + year;
    }

    public boolean surveyOpen(LocalDate today) {
        return OPEN.equals(state) && !today.isBefore(surveyFrom) && !today.isAfter(surveyTo);
    }
}
