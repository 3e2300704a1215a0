package org.oko.compendium.internal.store;

import java.time.Instant;

/**
 * An edition as listed: no book, no files. {@code approvedBy} is the approver's login, {@code approverName} the name
 * printed and shown to the public (null when the account had none, or for an edition approved before names were kept).
 */
public record Edition(long id, int year, int edition, String status, String spec, int specVersion, String title, String builtBy, Instant builtAt,
                      String approvedBy, String approverName, Instant approvedAt, String publishedBy, Instant publishedAt, long pdfSize,
                      long xlsxSize) {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";
    public static final String PUBLISHED = "PUBLISHED";
    /** A published edition replaced by a newer one of its year, or taken back. */
    public static final String WITHDRAWN = "WITHDRAWN";
}
