package org.oko.forms.internal.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 7240's {@code Prefer} header as a save reads it: {@code return=minimal} among other preferences. */
class PreferTest {

    @Test
    void findsReturnMinimalAmongOtherPreferences() {
        assertTrue(SubmissionValuesResource.minimal("return=minimal"));
        assertTrue(SubmissionValuesResource.minimal(" Return=Minimal "));
        assertTrue(SubmissionValuesResource.minimal("respond-async, return=minimal"));
        assertTrue(SubmissionValuesResource.minimal("wait=10; return=minimal"));
    }

    @Test
    void anythingElseAsksForTheWholeSubmission() {
        assertFalse(SubmissionValuesResource.minimal(null));
        assertFalse(SubmissionValuesResource.minimal(""));
        assertFalse(SubmissionValuesResource.minimal("return=representation"));
        assertFalse(SubmissionValuesResource.minimal("return=minimalist"));
        assertFalse(SubmissionValuesResource.minimal("respond-async,"));
    }
}
