package org.oko.platform.internal.rest;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.internal.StartFailures;
import org.osgi.framework.BundleException;

/** The module services' checked exceptions as refusals, for both module resources (the error mapper answers the rest). */
final class ModuleCalls {

    interface Call<T> {
        T run() throws Exception;
    }

    private ModuleCalls() {
    }

    static <T> T answer(Call<T> call) {
        try {
            return call.run();
        } catch (BundleException failed) {
            // Installed but not started (or not installable): the framework's words and the cause's (an activator's own message).
            String reason = StartFailures.reason(failed);
            throw TEXTS.refusal(ApiException.Kind.CONFLICT, "module.does-not-start", reason);
        } catch (RuntimeException refusedOrUnexpected) {
            throw refusedOrUnexpected; // refusals answered by the error mapper
        } catch (java.sql.SQLException database) {
            throw new IllegalStateException(database); // the server's fault: 500 through the error mapper
        } catch (Exception other) {
            // Karaf's refusal of a feature (a repository it cannot read, requirements it cannot meet): the reason.
            throw new ApiException(ApiException.Kind.INVALID, "module.refused", ApiMessage.split(StartFailures.reason(other)), other);
        }
    }
}
