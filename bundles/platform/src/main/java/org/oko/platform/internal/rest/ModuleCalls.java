package org.oko.platform.internal.rest;

import java.util.NoSuchElementException;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.ClientErrorException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.oko.platform.internal.StartFailures;
import org.osgi.framework.BundleException;

/** The module services' exceptions as answers, for both module resources: missing 404, invalid 400, refused 409, the database's 500. */
final class ModuleCalls {

    interface Call<T> {
        T run() throws Exception;
    }

    private ModuleCalls() {
    }

    static <T> T answer(Call<T> call) {
        try {
            return call.run();
        } catch (NoSuchElementException missing) {
            throw new NotFoundException(missing.getMessage());
        } catch (IllegalArgumentException invalid) {
            throw new BadRequestException(invalid.getMessage());
        } catch (IllegalStateException refused) {
            throw new ClientErrorException(refused.getMessage(), Response.Status.CONFLICT);
        } catch (BundleException failed) {
            // Installed but not started (or not installable): the framework's words and the cause's (an activator's own message).
            throw new ClientErrorException("Модуль не запускается / the module does not start: " + StartFailures.reason(failed),
                    Response.Status.CONFLICT);
        } catch (RuntimeException unexpected) {
            throw unexpected;
        } catch (java.sql.SQLException database) {
            throw new IllegalStateException(database); // the server's fault: 500 through the error mapper
        } catch (Exception other) {
            // Karaf's refusal of a feature (a repository it cannot read, requirements it cannot meet): the reason.
            throw new BadRequestException(StartFailures.reason(other));
        }
    }
}
