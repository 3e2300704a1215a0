package org.oko.platform.api.security;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;

/**
 * The caller may not do this. The message never tells whether a foreign object exists: callers
 * outside the scope get the same answer for "not yours" and "not there". Leaves the API as 401 or 403
 * with the code {@code access.unauthenticated} or {@code access.forbidden}.
 */
public class AccessDeniedException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final boolean authenticated;

    /** A "Русский / English" message, split in two. */
    public AccessDeniedException(boolean authenticated, String message) {
        this(authenticated, ApiMessage.split(message));
    }

    public AccessDeniedException(boolean authenticated, String ru, String en) {
        this(authenticated, new ApiMessage(ru, en));
    }

    public AccessDeniedException(boolean authenticated, ApiMessage text) {
        super(authenticated ? Kind.FORBIDDEN : Kind.UNAUTHENTICATED, authenticated ? "access.forbidden" : "access.unauthenticated", text);
        this.authenticated = authenticated;
    }

    /** False: log in first (401). True: logged in, but not allowed (403). */
    public boolean authenticated() {
        return authenticated;
    }
}
