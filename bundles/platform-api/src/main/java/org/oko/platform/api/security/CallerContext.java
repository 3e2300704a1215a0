package org.oko.platform.api.security;

import static org.oko.platform.api.internal.PlatformApiTexts.TEXTS;

import java.util.concurrent.Callable;

/**
 * The caller of the current thread's work. The REST pipeline sets it for every request (anonymous
 * when not logged in); background work runs as {@link Caller#SYSTEM} explicitly. No caller at all
 * means no access: services call {@link #require} and fail closed.
 */
public final class CallerContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private CallerContext() {
    }

    /** The current caller, or anonymous. */
    public static Caller current() {
        Caller caller = CURRENT.get();
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    /** Sets the caller of the current request; the REST pipeline's business. */
    public static void set(Caller caller) {
        if (caller == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(caller);
        }
    }

    public static <T> T callAs(Caller caller, Callable<T> work) throws Exception {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.call();
        } finally {
            set(previous);
        }
    }

    /**
     * Work the platform does itself on behalf of a caller whose rights were checked already, such
     * as catalog lookups for a submission the caller may see: it runs as {@link Caller#SYSTEM}.
     */
    public static <T> T asSystem(java.util.function.Supplier<T> work) {
        Caller previous = CURRENT.get();
        CURRENT.set(Caller.SYSTEM);
        try {
            return work.get();
        } finally {
            set(previous);
        }
    }

    public static void runAs(Caller caller, Runnable work) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            work.run();
        } finally {
            set(previous);
        }
    }

    /** The current caller if it holds one of the roles; otherwise AccessDeniedException (401 or 403). */
    public static Caller require(Role... roles) {
        Caller caller = current();
        if (!caller.authenticated()) {
            throw new AccessDeniedException(false, TEXTS.text("access.unauthenticated"));
        }
        if (roles.length > 0 && !caller.hasAnyRole(roles)) {
            throw new AccessDeniedException(true, TEXTS.text("access.forbidden"));
        }
        return caller;
    }
}
