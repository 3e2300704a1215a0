package org.oko.scheduling.internal.rest;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.rest.ApiMessage;
import org.oko.platform.api.Rest;
import org.oko.platform.api.security.CallerContext;
import org.oko.scheduling.api.CalendarYear;
import org.oko.scheduling.internal.CalendarService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/calendar}: the production calendar — read by everyone, edited by the administrator — and deadline arithmetic. */
@Component(service = CalendarResource.class, property = Rest.BASE + "=" + Rest.API_ROOT + "/calendar")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    @Reference
    private CalendarService calendar;

    public record YearEdit(List<String> dayOffs, List<String> workingWeekends) {
    }

    @GET
    @Path("{year}")
    public Map<String, Object> year(@PathParam("year") int year) {
        CallerContext.require();
        return json(valid(() -> calendar.year(year)));
    }

    @PUT
    @Path("{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> edit(@PathParam("year") int year, YearEdit edit) {
        CallerContext.require(org.oko.platform.api.security.Role.ADMINISTRATOR);
        if (edit == null) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "calendar.give-dayoffs-workingweekends");
        }
        return json(valid(() -> calendar.edit(new CalendarYear(year, dates(edit.dayOffs()), dates(edit.workingWeekends()), "EDITED"))));
    }

    @DELETE
    @Path("{year}")
    public Map<String, Object> revert(@PathParam("year") int year) {
        return json(valid(() -> calendar.revert(year)));
    }

    /** The deadline N working (or calendar) days after a date, e.g. {@code ?from=2026-12-30&workingDays=5}. */
    @GET
    @Path("deadline")
    public Map<String, Object> deadline(@QueryParam("from") String from, @QueryParam("workingDays") Integer workingDays,
                                        @QueryParam("calendarDays") Integer calendarDays) {
        CallerContext.require();
        LocalDate start = valid(() -> LocalDate.parse(from == null ? "" : from));
        if ((workingDays == null) == (calendarDays == null)) {
            throw TEXTS.refusal(ApiException.Kind.INVALID, "calendar.give-workingdays-calendardays");
        }
        LocalDate due = valid(() -> workingDays != null ? calendar.plusWorkingDays(start, workingDays)
                : calendar.plusCalendarDays(start, calendarDays));
        return Map.of("from", start.toString(), "due", due.toString());
    }

    private static Map<String, Object> json(CalendarYear year) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("year", year.year());
        json.put("source", year.source());
        json.put("workingDays", year.workingDays());
        json.put("dayOffs", new TreeSet<>(year.dayOffs()).stream().map(LocalDate::toString).toList());
        json.put("workingWeekends", new TreeSet<>(year.workingWeekends()).stream().map(LocalDate::toString).toList());
        return json;
    }

    private static Set<LocalDate> dates(List<String> texts) {
        Set<LocalDate> dates = new TreeSet<>();
        if (texts != null) {
            for (String text : texts) {
                dates.add(valid(() -> LocalDate.parse(text)));
            }
        }
        return dates;
    }

    private interface Work<T> {
        T run();
    }

    private static <T> T valid(Work<T> work) {
        try {
            return work.run();
        } catch (IllegalArgumentException | DateTimeParseException invalid) {
            ApiMessage why = ApiMessage.split(invalid.getMessage());
            throw new ApiException(ApiException.Kind.INVALID, "calendar.invalid-calendar-data", ApiMessage.of(TEXTS.ru("calendar.invalid-calendar-data", why.ru()),
                    TEXTS.in("en", "calendar.invalid-calendar-data", why.en())), invalid);
        }
    }
}
