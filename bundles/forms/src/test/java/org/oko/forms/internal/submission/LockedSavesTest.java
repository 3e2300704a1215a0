package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.security.Scope;

/** The saves the writer did not write, saved elsewhere for a caller that does not wait: as whom, and what they answer. */
class LockedSavesTest {

    private static final Caller SCHOOL = new Caller("school", "S1", Set.of(Role.SCHOOL_COORDINATOR), Scope.NONE);

    @Test
    void aSaveRunsAsItsCallerOnAnotherThreadAndAnswers() throws Exception {
        try (LockedSaves saves = new LockedSaves()) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            Thread caller = Thread.currentThread();
            saves.run(SCHOOL, () -> {
                assertNotEquals(caller, Thread.currentThread());
                return CallerContext.current().login();
            }, answer);
            assertEquals("school", answer.get(10, TimeUnit.SECONDS));
            CompletableFuture<Caller> after = new CompletableFuture<>();
            saves.run(Caller.SYSTEM, CallerContext::current, after);
            assertSame(Caller.SYSTEM, after.get(10, TimeUnit.SECONDS), "the next save on the same thread runs as its own caller");
        }
    }

    @Test
    void aRefusalIsTheAnswersFailureAsItWasThrown() throws Exception {
        try (LockedSaves saves = new LockedSaves()) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            IllegalStateException refusal = new IllegalStateException("conflict");
            saves.run(SCHOOL, () -> {
                throw refusal;
            }, answer);
            ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
            assertSame(refusal, failed.getCause());
        }
    }

    @Test
    void aSaveAfterTheServiceStoppedFailsInsteadOfHanging() {
        LockedSaves saves = new LockedSaves();
        saves.close();
        CompletableFuture<String> answer = new CompletableFuture<>();
        saves.run(SCHOOL, () -> "never", answer);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
        assertInstanceOf(PersistenceException.class, failed.getCause());
    }
}
