package org.oko.platform.internal.rest;

import static org.oko.platform.internal.PlatformTexts.TEXTS;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.oko.platform.api.StorageGuard;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.internal.StorageGuardImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of every REST base leaves the API as one JSON body (docs/api-errors.md):
 * {@code {"status", "error", "code", "message", "messages": {"ru", "en"}, "field"?, "details"?}}, where
 * {@code message} is the Russian text. {@link ApiException} (and every bundle's refusal, which extends it)
 * says its own kind, code, texts, field and details; the standard exceptions are translated here once:
 * {@link NoSuchElementException} 404, {@link IllegalArgumentException} 400, {@link IllegalStateException} 409 when it
 * is a refusal written for people ("Русский / English", no cause; any other is the server's own broken state: 500),
 * a {@link WebApplicationException} its own status, a failed write on the storage 507. Unexpected failures
 * get an incident id that is logged with the stack trace and shown to the user instead of it. A resource that answers
 * asynchronously fails with its failure wrapped ({@link CompletionException}, {@link ExecutionException}): the cause
 * is answered, as the same failure thrown synchronously would be.
 */
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if ((exception instanceof CompletionException || exception instanceof ExecutionException) && exception.getCause() != null) {
            return toResponse(exception.getCause());
        }
        if (exception instanceof ApiException) {
            // AccessDeniedException included: the same answer whether a foreign object exists or not.
            return json((ApiException) exception);
        }
        if (exception instanceof WebApplicationException) {
            Response original = ((WebApplicationException) exception).getResponse();
            if (original.hasEntity()) {
                return original; // not an error body: e.g. a redirect's or a download's own answer
            }
            if (exception.getCause() instanceof ApiException) {
                return json((ApiException) exception.getCause()); // CXF's wrapper around a body reader's refusal
            }
            int status = original.getStatus();
            ApiException.Kind kind = ApiException.Kind.of(status);
            String reason = original.getStatusInfo().getReasonPhrase();
            return json(status, reason == null ? kind.reason() : reason, "http." + status,
                    ApiMessage.split(exception.getMessage()), null, null);
        }
        if (StorageGuard.isStorageFailure(exception)) {
            // The disk filled or turned read-only between the storage check and the write; the transaction rolled back.
            LOG.warn("A write failed on the storage: {}", rootMessage(exception));
            return json(new ApiException(ApiException.Kind.STORAGE, "storage.write-failed", StorageGuardImpl.Messages.failedWrite()));
        }
        if (exception instanceof NoSuchElementException) {
            return json(new ApiException(ApiException.Kind.NOT_FOUND, "not-found", ApiMessage.split(exception.getMessage())));
        }
        if (exception instanceof IllegalArgumentException) {
            return json(new ApiException(ApiException.Kind.INVALID, "invalid", ApiMessage.split(exception.getMessage())));
        }
        if (exception instanceof IllegalStateException && exception.getCause() == null && exception.getMessage() != null
                && exception.getMessage().contains(ApiMessage.JOINED_SEPARATOR)) {
            // A refusal in OKO's two languages ("Русский / English"); any other illegal state is the server's own: 500.
            return json(new ApiException(ApiException.Kind.CONFLICT, "conflict", ApiMessage.split(exception.getMessage())));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Incident {}: unexpected error in a REST call", incident, exception);
        return json(new ApiException(ApiException.Kind.INTERNAL, "internal",
                TEXTS.text("internal", incident))
                .withDetails(Map.of("incident", incident)));
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The one error body of a refusal. */
    static Response json(ApiException refusal) {
        Response body = json(refusal.status(), refusal.errorKind().reason(), refusal.code(), refusal.text(), refusal.field(), refusal.details());
        if (refusal.headers().isEmpty()) {
            return body;
        }
        Response.ResponseBuilder answer = Response.fromResponse(body);
        refusal.headers().forEach(answer::header);
        return answer.build();
    }

    static Response json(int status, String error, String code, ApiMessage text, String field, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("code", code);
        body.put("message", text.ru());
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("ru", text.ru());
        messages.put("en", text.en());
        body.put("messages", messages);
        if (field != null) {
            body.put("field", field);
        }
        if (details != null && !details.isEmpty()) {
            body.put("details", details);
        }
        // As a GenericEntity: CXF would otherwise write the body with the resource method's declared type, and a method of
        // Map<String, String> then failed on the status (a broken answer, once flushed half-way; a 500 since).
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new GenericEntity<Map<String, Object>>(body) { }).build();
    }
}
