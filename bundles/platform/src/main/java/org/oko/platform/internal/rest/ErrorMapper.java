package org.oko.platform.internal.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.security.AccessDeniedException;
import org.oko.platform.internal.StorageGuardImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves the API as JSON {@code {"status", "error", "message"}}. Unexpected failures
 * get an incident id that is logged with the stack trace and shown to the user instead of it.
 */
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** WebDAV's 507: the server cannot store what the request asks it to. */
    static final Response.StatusType INSUFFICIENT_STORAGE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 507;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.SERVER_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Insufficient Storage";
        }
    };

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof AccessDeniedException) {
            // The same answer whether a foreign object exists or not: nothing leaks through errors.
            return json(((AccessDeniedException) exception).authenticated() ? Response.Status.FORBIDDEN
                    : Response.Status.UNAUTHORIZED, exception.getMessage());
        }
        if (exception instanceof WebApplicationException) {
            Response original = ((WebApplicationException) exception).getResponse();
            if (original.hasEntity()) {
                return original; // a resource's own detailed answer, e.g. a list of problems
            }
            Response.StatusType status = original.getStatusInfo();
            return json(status, exception.getMessage());
        }
        if (StorageGuard.isStorageFailure(exception)) {
            // The disk filled or turned read-only between the storage check and the write; the transaction rolled back.
            LOG.warn("A write failed on the storage: {}", rootMessage(exception));
            return json(INSUFFICIENT_STORAGE, StorageGuardImpl.Messages.failedWrite());
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Incident {}: unexpected error in a REST call", incident, exception);
        return json(Response.Status.INTERNAL_SERVER_ERROR,
                "Внутренняя ошибка сервера, инцидент " + incident + " / Internal server error, incident " + incident);
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    static Response json(Response.StatusType status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getStatusCode());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        return Response.status(status.getStatusCode()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
