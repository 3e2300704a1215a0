package org.oko.forms.internal.rest;

import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.forms.internal.submission.SubmissionException;
import org.oko.forms.internal.submission.SubmissionExport;
import org.oko.forms.internal.submission.SubmissionService;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.Rest;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/submissions}: a school's data for a form and its way from draft to confirmed —
 * assign, read, explain warnings, submit, return with comments, verify, confirm with the founder's
 * letter, lock and unlock, history. The values' saves, the hottest requests, are {@link SubmissionValuesResource}.
 */
@Component(service = SubmissionsResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/submissions")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionsResource {

    private static final Role[] ASSIGNERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR};

    @Reference
    private SubmissionService submissions;

    @Reference
    private AuditTrail audit;

    public record Assignment(String period, String formId, String organisationCode) {
    }

    /** Many organisations at once: the web UI's «Назначить ОО» with ticked codes. */
    public record BulkAssignment(String period, String formId, List<String> organisationCodes) {
    }

    public record BulkReport(int done, int unchanged, int refused, List<Submissions.Outcome> outcomes) {

        static BulkReport of(List<Submissions.Outcome> outcomes) {
            int done = 0;
            int unchanged = 0;
            for (Submissions.Outcome outcome : outcomes) {
                done += outcome.result() == Submissions.Result.DONE ? 1 : 0;
                unchanged += outcome.result() == Submissions.Result.UNCHANGED ? 1 : 0;
            }
            return new BulkReport(done, unchanged, outcomes.size() - done - unchanged, outcomes);
        }
    }

    public record Explanation(String text) {
    }

    public record ReturnRequest(String comment, Map<String, String> fieldComments) {
    }

    public record Reason(String reason) {
    }

    @GET
    public List<SubmissionService.Summary> list(@QueryParam("period") String period, @QueryParam("formId") String formId,
                                                @QueryParam("organisation") String organisation, @QueryParam("state") String state) {
        SubmissionState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = SubmissionState.valueOf(state.trim());
            } catch (IllegalArgumentException e) {
                throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.unknown-state", state);
            }
        }
        SubmissionState filter = wanted;
        return submissions.list(period, formId, organisation, filter);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(Assignment assignment) {
        if (assignment == null) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.assignment-incomplete");
        }
        SubmissionService.Summary assigned = submissions.assign(assignment.period(), assignment.formId(), assignment.organisationCode());
        audit.record("submission.assign", assignment.formId() + " " + assignment.period(), assignment.organisationCode());
        return Response.status(Response.Status.CREATED).entity(assigned).build();
    }

    /** Assigns a form period to many organisations in one transaction; each gets its outcome (done, already, refused and why). */
    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkReport assignMany(BulkAssignment request) {
        CallerContext.require(ASSIGNERS); // before looking at the body
        BulkReport report = BulkReport.of(submissions.assignAll(bulk(request).period(), request.formId(), request.organisationCodes()));
        audit.record("submission.assign", request.formId() + " " + request.period(), counts(report));
        return report;
    }

    /** Withdraws the assignments that hold no data yet; the others are reported as refused. */
    @POST
    @Path("withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkReport withdrawMany(BulkAssignment request) {
        CallerContext.require(ASSIGNERS);
        BulkReport report = BulkReport.of(submissions.withdrawAll(bulk(request).period(), request.formId(), request.organisationCodes()));
        audit.record("submission.withdraw", request.formId() + " " + request.period(), counts(report));
        return report;
    }

    private static String counts(BulkReport report) {
        return TEXTS.ru("audit.counts", report.done(), report.unchanged(), report.refused());
    }

    /** Workflow steps go to the audit trail too: who returned, verified, confirmed which school's form. */
    private SubmissionService.View audited(String action, SubmissionService.View view, String details) {
        SubmissionService.Summary s = view.submission();
        audit.record(action, s.id() + " " + s.organisationCode() + " " + s.formId() + " " + s.period(), details);
        return view;
    }

    private static BulkAssignment bulk(BulkAssignment request) {
        if (request == null || request.organisationCodes() == null || request.organisationCodes().isEmpty()) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.give-period-formid");
        }
        if (request.organisationCodes().size() > 10_000) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.at-most-at");
        }
        return request;
    }

    /** One form version's submissions within the caller's scope as XLSX (keys differ between versions). */
    /** The states in workflow order, with what each means for the lists, so that screens copy none of it. */
    @GET
    @Path("states")
    public List<SubmissionService.StateInfo> states() {
        return submissions.states();
    }

    @GET
    @Path("export.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response export(@QueryParam("formId") String formId, @QueryParam("version") int version, @QueryParam("period") String period) {
        if (formId == null || formId.isBlank() || version < 1) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.give-formid-version");
        }
        var definition = submissions.definition(formId, version);
        var views = submissions.views(formId, version, period);
        // Modules' sheets are made here, as the caller, before the file streams out.
        var contributions = submissions.contributions(definition, views);
        javax.ws.rs.core.StreamingOutput body = out -> SubmissionExport.write(definition, views, contributions, out);
        return Response.ok(body, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + formId + "-v" + version
                        + (period == null || period.isBlank() ? "" : "-" + period.replaceAll("[^0-9A-Za-z_.-]", "")) + ".xlsx\"")
                .build();
    }

    @GET
    @Path("{id}")
    public SubmissionService.View get(@PathParam("id") long id) {
        return submissions.get(id);
    }

    @DELETE
    @Path("{id}")
    public Response withdraw(@PathParam("id") long id) {
        submissions.withdraw(id);
        audit.record("submission.withdraw", String.valueOf(id), null);
        return Response.noContent().build();
    }

    /**
     * A file read by one of the form's importers ({@code importer}, listed in the submission's view)
     * and saved all or nothing; the body is the file as it is, at most 10 MB.
     */
    @POST
    @Path("{id}/import")
    @Consumes(MediaType.WILDCARD)
    public SubmissionService.Imported importFile(@PathParam("id") long id, @QueryParam("importer") String importer,
                                                 @QueryParam("name") String fileName, @QueryParam("since") String since,
                                                 InputStream body) {
        CallerContext.require(Role.SCHOOL_COORDINATOR); // before reading the body
        byte[] content = upload(body);
        java.time.Instant startedFrom;
        try {
            startedFrom = since == null || since.isBlank() ? null : java.time.Instant.parse(since.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.since-changedat-form");
        }
        SubmissionService.Imported imported = submissions.importValues(id, importer, fileName, content, startedFrom);
        audited("submission.import", imported.submission(),
                TEXTS.ru("audit.import", importer, fileName, imported.changed()));
        return imported;
    }

    @PUT
    @Path("{id}/explanations/{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubmissionService.View explain(@PathParam("id") long id, @PathParam("ruleId") String ruleId, Explanation explanation) {
        return submissions.explain(id, ruleId, explanation == null ? null : explanation.text());
    }

    @POST
    @Path("{id}/submit")
    public SubmissionService.View submit(@PathParam("id") long id) {
        return audited("submission.submit", submissions.submit(id), null);
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubmissionService.View sendBack(@PathParam("id") long id, ReturnRequest request) {
        SubmissionService.View view = submissions.sendBack(id, request == null ? null : request.comment(),
                request == null ? null : request.fieldComments());
        return audited("submission.return", view, request == null ? null : request.comment());
    }

    /** Moves a submission being filled to the newest version of its form (administrator, regional coordinator). */
    @POST
    @Path("{id}/upgrade")
    public SubmissionService.View upgrade(@PathParam("id") long id) {
        return audited("submission.upgrade", submissions.upgrade(id), null);
    }

    @POST
    @Path("{id}/verify")
    public SubmissionService.View verify(@PathParam("id") long id) {
        return audited("submission.verify", submissions.verify(id), null);
    }

    /** The founder's letter as the raw body: application/pdf, image/jpeg or image/png, at most 10 MB. */
    @POST
    @Path("{id}/letter")
    @Consumes({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    public SubmissionService.View confirm(@PathParam("id") long id, @HeaderParam("Content-Type") String contentType,
                                          @QueryParam("name") String fileName, InputStream body) {
        byte[] content = upload(body);
        return audited("submission.confirm", submissions.confirm(id, fileName, contentType, content), fileName);
    }

    @GET
    @Path("{id}/letter")
    @Produces({"application/pdf", "image/jpeg", "image/png"})
    public Response letter(@PathParam("id") long id) {
        return download(submissions.letter(id));
    }

    /**
     * A file indicator's file as the raw body (PDF, JPEG, PNG, XLSX or DOCX, at most 10 MB); the name
     * in {@code name}, the revision the client started from in {@code expectedRevision}.
     */
    @PUT
    @Path("{id}/files/{key}")
    @Consumes(MediaType.WILDCARD)
    public SubmissionService.View saveFile(@PathParam("id") long id, @PathParam("key") String key,
                                           @HeaderParam("Content-Type") String contentType, @QueryParam("name") String fileName,
                                           @QueryParam("expectedRevision") int expectedRevision, InputStream body) {
        CallerContext.require(Role.SCHOOL_COORDINATOR); // before reading the body
        byte[] content = upload(body);
        return submissions.saveFile(id, key, fileName, contentType, content, expectedRevision);
    }

    @GET
    @Path("{id}/files/{key}")
    @Produces(MediaType.WILDCARD)
    public Response file(@PathParam("id") long id, @PathParam("key") String key) {
        return download(submissions.file(id, key));
    }

    private static Response download(SubmissionService.FileContent file) {
        String ascii = file.fileName().replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "");
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    /** Reads at most one byte over the limit, so that the service can refuse an oversized file by its size. */
    private byte[] upload(InputStream body) {
        try {
            return body.readNBytes(10 * 1024 * 1024 + 1);
        } catch (IOException e) {
            throw SubmissionException.of(SubmissionException.Kind.INVALID, "submission.cannot-read-upload");
        }
    }

    @POST
    @Path("{id}/lock")
    public SubmissionService.View lock(@PathParam("id") long id) {
        return audited("submission.lock", submissions.lock(id), null);
    }

    @POST
    @Path("{id}/unlock")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubmissionService.View unlock(@PathParam("id") long id, Reason reason) {
        return audited("submission.unlock", submissions.unlock(id, reason == null ? null : reason.reason()),
                reason == null ? null : reason.reason());
    }

    @GET
    @Path("{id}/history")
    public List<SubmissionService.HistoryEntry> history(@PathParam("id") long id) {
        return submissions.history(id);
    }
}
