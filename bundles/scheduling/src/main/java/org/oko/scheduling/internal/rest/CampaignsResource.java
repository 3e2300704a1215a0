package org.oko.scheduling.internal.rest;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.oko.platform.api.AuditTrail;
import org.oko.platform.api.Rest;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.internal.Dates;
import org.oko.scheduling.internal.campaign.Assignments;
import org.oko.scheduling.internal.campaign.CampaignDefinition;
import org.oko.scheduling.internal.campaign.CampaignService;
import org.oko.scheduling.internal.campaign.Dashboard;
import org.oko.scheduling.internal.notify.Reminders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/campaigns}: campaigns and their roadmaps, events, bulk assignment of form steps,
 * completion dashboards (JSON and the XLSX "general report by district") and the reminder run.
 */
@Component(service = CampaignsResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/campaigns")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Reference
    private AuditTrail audit;

    @Reference
    private CampaignService campaigns;

    @Reference
    private Assignments assignments;

    @Reference
    private Dashboard dashboard;

    @Reference
    private Reminders reminders;

    public record Copy(String code, Integer year, String title) {
    }

    public record Event(String name, String date) {
    }

    @GET
    public List<Map<String, Object>> list() {
        return campaigns.list().stream().map(CampaignsResource::summary).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CampaignDefinition definition) {
        CampaignService.Stored stored = campaigns.create(definition);
        audit.record("campaign.create", stored.definition().code(), stored.definition().title());
        return Response.status(Response.Status.CREATED).entity(json(stored)).build();
    }

    @GET
    @Path("{code}")
    public Map<String, Object> get(@PathParam("code") String code) {
        return json(campaigns.get(code));
    }

    /** Replaces the roadmap; {@code ?version=} is the version read (a stale one answers 409). */
    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("code") String code, @QueryParam("version") Long version, CampaignDefinition definition) {
        CallerContext.require(CampaignService.MANAGERS);
        if (version == null) {
            throw new ApiException(ApiException.Kind.INVALID, "campaign.request-incomplete", TEXTS.text("campaign.give-version"));
        }
        Map<String, Object> updated = json(campaigns.update(code, definition, version));
        audit.record("campaign.update", code,
                TEXTS.ru("audit.version", updated.get("version")));
        return updated;
    }

    @DELETE
    @Path("{code}")
    public Response delete(@PathParam("code") String code) {
        campaigns.delete(code);
        audit.record("campaign.delete", code, null);
        return Response.noContent().build();
    }

    @POST
    @Path("{code}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response copy(@PathParam("code") String code, Copy copy) {
        CallerContext.require(CampaignService.MANAGERS);
        if (copy == null || copy.code() == null || copy.year() == null) {
            throw new ApiException(ApiException.Kind.INVALID, "campaign.request-incomplete", TEXTS.text("campaign.give-code-year"));
        }
        CampaignService.Stored stored = campaigns.copy(code, copy.code(), copy.year(), copy.title());
        audit.record("campaign.copy", code, "→ " + copy.code() + " (" + copy.year() + ")");
        return Response.status(Response.Status.CREATED).entity(json(stored)).build();
    }

    @GET
    @Path("{code}/roadmap")
    public CampaignService.Roadmap roadmap(@PathParam("code") String code) {
        return campaigns.roadmap(code);
    }

    /** Records an event ("the ВПР results arrived") on a date, dd.MM.yyyy or yyyy-MM-dd; today when no date is given. */
    @POST
    @Path("{code}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> event(@PathParam("code") String code, Event event) {
        CallerContext.require(CampaignService.MANAGERS);
        if (event == null) {
            throw new ApiException(ApiException.Kind.INVALID, "campaign.request-incomplete", TEXTS.text("campaign.give-name-date"));
        }
        LocalDate date = event.date() == null || event.date().isBlank() ? campaigns.today() : Dates.parse(event.date());
        campaigns.record(code, event.name(), date);
        Map<String, Object> recorded = Map.of("name", event.name(), "date", date.toString());
        audit.record("campaign.event", code, recorded.get("name") + " " + recorded.get("date"));
        return recorded;
    }

    @POST
    @Path("{code}/steps/{step}/done")
    public Response done(@PathParam("code") String code, @PathParam("step") String step) {
        campaigns.markDone(code, step, true);
        audit.record("campaign.step.done", code + " " + step, null);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{code}/steps/{step}/done")
    public Response undone(@PathParam("code") String code, @PathParam("step") String step) {
        campaigns.markDone(code, step, false);
        audit.record("campaign.step.undone", code + " " + step, null);
        return Response.noContent().build();
    }

    @POST
    @Path("{code}/steps/{step}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Assignments.Report assign(@PathParam("code") String code, @PathParam("step") String step, Assignments.Selection selection) {
        Assignments.Report report = assignments.assign(code, step, selection);
        audit.record("submission.assign", code + " " + step, counts(report));
        return report;
    }

    @POST
    @Path("{code}/steps/{step}/withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    public Assignments.Report withdraw(@PathParam("code") String code, @PathParam("step") String step, Assignments.Selection selection) {
        Assignments.Report report = assignments.withdraw(code, step, selection);
        audit.record("submission.withdraw", code + " " + step, counts(report));
        return report;
    }

    @GET
    @Path("{code}/steps/{step}/dashboard")
    public Dashboard.View dashboard(@PathParam("code") String code, @PathParam("step") String step,
                                    @QueryParam("territory") String territory) {
        return dashboard.view(code, step, blank(territory));
    }

    @GET
    @Path("{code}/steps/{step}/dashboard.xlsx")
    @Produces(XLSX)
    public Response dashboardXlsx(@PathParam("code") String code, @PathParam("step") String step,
                                  @QueryParam("territory") String territory) {
        byte[] file = dashboard.xlsx(code, step, blank(territory));
        String name = "report-" + code + "-" + step + (blank(territory) == null ? "" : "-" + territory.replaceAll("[^0-9A-Za-z_-]", "_")) + ".xlsx";
        return Response.ok(file, XLSX).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** Runs the reminders now (the scheduler runs them daily): the administrator's button. */
    @POST
    @Path("reminders")
    public Reminders.Run remind() {
        CallerContext.require(Role.ADMINISTRATOR);
        return reminders.run();
    }

    private static String counts(Assignments.Report report) {
        return TEXTS.ru("audit.counts", report.done(), report.unchanged(), report.refused());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Map<String, Object> summary(CampaignService.Stored stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", stored.definition().code());
        json.put("title", stored.definition().title());
        json.put("year", stored.definition().year());
        json.put("steps", stored.definition().steps().size());
        json.put("version", stored.version());
        return json;
    }

    private static Map<String, Object> json(CampaignService.Stored stored) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("definition", stored.definition());
        json.put("version", stored.version());
        json.put("changedAt", stored.changedAt());
        json.put("changedBy", stored.changedBy());
        return json;
    }
}
