package org.oko.compendium.internal.store;

import java.time.Instant;

/** An edition as listed: no book, no files. */
public record Edition(long id, int year, int edition, String status, String spec, int specVersion, String title, String builtBy, Instant builtAt,
                      String approvedBy, Instant approvedAt, String publishedBy, Instant publishedAt, long pdfSize, long xlsxSize) {

    public static final String DRAFT = "DRAFT";
    public static final String APPROVED = "APPROVED";
    public static final String PUBLISHED = "PUBLISHED";
    /** A published edition replaced by a newer one of its year, or taken back. */
    public static final String WITHDRAWN = "WITHDRAWN";
}
