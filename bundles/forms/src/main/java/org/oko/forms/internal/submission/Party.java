package org.oko.forms.internal.submission;

/** How the caller stands to one submission; a caller may be several at once. */
public enum Party {
    /** The school coordinator of the organisation (or of its head school, for a branch). */
    SCHOOL,
    /** Its founder coordinator, or the administrator / regional coordinator (the only verifiers of federal and private schools). */
    VERIFIER,
    /** A federal or private school confirms its own data with its own letter. */
    SELF_CONFIRMER,
    ADMINISTRATOR,
    /** May read it (ministry officials and everyone above), nothing more. */
    READER
}
