package org.oko.forms.internal.rest;

import java.util.List;
import java.util.concurrent.CompletionStage;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.forms.internal.submission.SubmissionException;
import org.oko.forms.internal.submission.SubmissionService;
import org.oko.platform.api.Rest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/submissions/{id}/values}: a school's values saved, one by one or a block at once, each with
 * the revision it replaces. A resource of its own on the submissions' base: CXF picks it by its path and
 * matches a save among its two methods instead of the thirty of {@link SubmissionsResource}, on the
 * platform's hottest request (docs/performance.md).
 */
@Component(service = SubmissionValuesResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/submissions")
@Path("{id}/values")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionValuesResource {

    @Reference
    private SubmissionService submissions;

    public record ValueChange(Object value, Integer expectedRevision) {
    }

    /** One value of a batch save: the key, the value and the revision it replaces (0: none yet). */
    public record KeyedChange(String key, Object value, Integer expectedRevision) {
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") long id, @PathParam("key") String key, ValueChange change, @HeaderParam("Prefer") String prefer) {
        if (change == null || change.expectedRevision() == null) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.give-value-expectedrevision");
        }
        return saved(submissions.saveValue(id, key, change.value(), change.expectedRevision()), List.of(key), prefer);
    }

    /** Several values of one save: {@code {"values": [{"key", "value", "expectedRevision"}, …]}}. */
    public record ValueChanges(List<KeyedChange> values) {
    }

    /**
     * Several values of one submission saved at once, all or none — a block of cells pasted into a
     * table, at most 500; answers the submission like a single save, and a conflict on any value
     * changes nothing. The screen's autosave comes this way with {@code Prefer: return=minimal}. Answered
     * asynchronously: the request's thread goes back to Jetty while the save waits for its group commit, and
     * the answer leaves when the writer has committed it (docs/performance.md, *ninth step*).
     */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> saveAll(@PathParam("id") long id, ValueChanges changes, @HeaderParam("Prefer") String prefer) {
        if (changes == null || changes.values() == null
                || changes.values().stream().anyMatch(c -> c == null || c.key() == null || c.expectedRevision() == null)) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.give-key-value-expectedrevision");
        }
        List<SubmissionService.Change> list = changes.values().stream()
                .map(c -> new SubmissionService.Change(c.key(), c.value(), c.expectedRevision())).toList();
        List<String> keys = list.stream().map(SubmissionService.Change::key).toList();
        // A failure reaches the error mapper wrapped in a CompletionException, which it unwraps (docs/platform.md).
        return submissions.saveValuesLater(id, list).thenApply(view -> saved(view, keys, prefer));
    }

    /**
     * A save's answer: the whole submission, or — asked with {@code Prefer: return=minimal} (RFC 7240) by a
     * client that holds it already — only what the save changed ({@link SubmissionService.Saved}), which
     * for a form of hundreds of values is a small part of the JSON.
     */
    private static Response saved(SubmissionService.View view, List<String> keys, String prefer) {
        if (minimal(prefer)) {
            return Response.ok(SubmissionService.Saved.of(view, keys)).header("Preference-Applied", "return=minimal").header("Vary", "Prefer")
                    .build();
        }
        return Response.ok(view).header("Vary", "Prefer").build();
    }

    /** Whether a {@code Prefer} header asks for {@code return=minimal} among its comma- or semicolon-separated preferences. */
    static boolean minimal(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (int start = 0, end; start <= prefer.length(); start = end + 1) {
            end = start;
            while (end < prefer.length() && prefer.charAt(end) != ',' && prefer.charAt(end) != ';') {
                end++;
            }
            if (prefer.substring(start, end).trim().equalsIgnoreCase("return=minimal")) {
                return true;
            }
        }
        return false;
    }
}
