package org.oko.platform.api.security;

/**
 * The caller may not do this. The message never tells whether a foreign object exists: callers
 * outside the scope get the same answer for "not yours" and "not there".
 */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean authenticated;

    public AccessDeniedException(boolean authenticated, String message) {
        super(message);
        this.authenticated = authenticated;
    }

    /** False: log in first (401). True: logged in, but not allowed (403). */
    public boolean authenticated() {
        return authenticated;
    }
}
