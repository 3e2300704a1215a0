package org.oko.scheduling.internal.campaign;

import static org.oko.scheduling.internal.SchedulingTexts.TEXTS;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.rest.ApiException;
import org.oko.forms.api.Submissions;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.scheduling.api.CampaignEvents;
import org.oko.scheduling.api.Deadlines;
import org.oko.scheduling.api.ProductionCalendar;
import org.oko.scheduling.internal.Dates;
import org.oko.scheduling.internal.SchedulingSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Campaigns, their events and the roadmap's state. Reading is for the coordinators and schools,
 * changing for the regional centre; every call is authorised here.
 */
@Component(service = {CampaignService.class, CampaignEvents.class})
public class CampaignService implements CampaignEvents {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    /** Who reads campaigns, roadmaps and dashboards (dashboards within the caller's scope: an observer's is what it is assigned). */
    public static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR, Role.OBSERVER};
    public static final Role[] MANAGERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference(target = "(osgi.unit.name=oko-scheduling)")
    private JpaTemplate jpa;

    @Reference
    private ProductionCalendar calendar;

    @Reference
    private SchedulingSettings settings;

    @Reference
    private Submissions submissions;

    /** A stored campaign with the version a change must name. */
    public record Stored(CampaignDefinition definition, long version, Instant changedAt, String changedBy) {
    }

    /** A refused change: 400 with the problems (the body's {@code details.problems}), or 409. */
    public static class CampaignException extends ApiException {
        private static final long serialVersionUID = 1L;
        private final boolean conflict;
        private final transient List<String> problems;

        /** A refusal whose code is the message key {@code key} and whose text is the bundle's text of that key. */
        CampaignException(boolean conflict, String key, List<String> problems, Object... arguments) {
            super(conflict ? Kind.CONFLICT : Kind.INVALID, key, TEXTS.text(key, arguments));
            this.conflict = conflict;
            this.problems = problems;
            if (!problems.isEmpty()) {
                withDetails(Map.of("problems", problems));
            }
        }

        public boolean conflict() {
            return conflict;
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** A step as the roadmap shows it. */
    public record StepView(String id, String title, Role responsible, String responsibleLabel, LocalDate deadline,
                           String deadlineText, StepState state, String form, String period, Integer assigned, Integer submitted,
                           Instant doneAt, String doneBy) {
    }

    public enum StepState { DONE, LATE, OPEN, WAITING }

    public record Roadmap(String code, String title, int year, LocalDate today, Map<String, LocalDate> events, List<StepView> steps) {
    }

    // --- reading ---

    public List<Stored> list() {
        CallerContext.require(READERS);
        return jpa.txExpr(em -> em.createQuery("SELECT c FROM CampaignEntity c ORDER BY c.year DESC, c.code", CampaignEntity.class)
                .getResultList().stream().map(CampaignService::stored).toList());
    }

    public Stored get(String code) {
        CallerContext.require(READERS);
        return jpa.txExpr(em -> stored(find(em, code, false)));
    }

    /** Events recorded for the campaign: name (with the event: prefix) → date. */
    public Map<String, LocalDate> events(String code) {
        CallerContext.require(READERS);
        return jpa.txExpr(em -> events(em, code));
    }

    /** Step id → its deadline, or empty while it waits for an event. */
    public Map<String, Optional<LocalDate>> deadlines(CampaignDefinition definition, Map<String, LocalDate> events) {
        return Deadlines.resolve(definition.rules(), events, calendar);
    }

    public LocalDate today() {
        return settings.today();
    }

    public Roadmap roadmap(String code) {
        CallerContext.require(READERS);
        LocalDate today = settings.today();
        return jpa.txExpr(em -> {
            CampaignDefinition definition = stored(find(em, code, false)).definition();
            Map<String, LocalDate> events = events(em, code);
            Map<String, Optional<LocalDate>> deadlines = deadlines(definition, events);
            Map<String, StepDoneEntity> done = new LinkedHashMap<>();
            em.createQuery("SELECT d FROM StepDoneEntity d WHERE d.campaignCode = :c", StepDoneEntity.class).setParameter("c", code)
                    .getResultList().forEach(d -> done.put(d.stepId(), d));
            List<StepView> steps = new ArrayList<>();
            for (CampaignDefinition.Step step : definition.steps()) {
                LocalDate deadline = deadlines.get(step.id()).orElse(null);
                Integer assigned = null;
                Integer submitted = null;
                boolean finished = done.containsKey(step.id());
                if (step.collectsForm()) {
                    List<Submissions.Status> statuses = submissions.statuses(step.period(), step.form());
                    assigned = statuses.size();
                    submitted = (int) statuses.stream().filter(s -> !s.state().withSchool()).count();
                    finished = finished || (assigned > 0 && submitted.equals(assigned));
                }
                StepState state = finished ? StepState.DONE : deadline == null ? StepState.WAITING
                        : today.isAfter(deadline) ? StepState.LATE : StepState.OPEN;
                StepDoneEntity mark = done.get(step.id());
                steps.add(new StepView(step.id(), step.title(), step.responsible(), step.responsible().label(), deadline,
                        describe(step.deadline(), deadline, definition), state, step.form(), step.period(), assigned, submitted,
                        mark == null ? null : mark.doneAt(), mark == null ? null : mark.doneBy()));
            }
            Map<String, LocalDate> shownEvents = new LinkedHashMap<>(events);
            return new Roadmap(definition.code(), definition.title(), definition.year(), today, shownEvents, steps);
        });
    }

    private static String describe(CampaignDefinition.Due due, LocalDate deadline, CampaignDefinition definition) {
        if (due.on() != null) {
            return Dates.russian(Dates.parse(due.on()));
        }
        String after = due.after().startsWith("event:") ? TEXTS.ru("deadline.after-event", due.after().substring("event:".length()))
                : TEXTS.ru("deadline.after-step", Optional.ofNullable(definition.step(due.after())).map(CampaignDefinition.Step::title).orElse(due.after()));
        String term = due.workingDays() != null ? TEXTS.ru("deadline.working-days", due.workingDays()) : TEXTS.ru("deadline.calendar-days", due.calendarDays());
        return deadline == null ? TEXTS.ru("deadline.pending", term, after) : TEXTS.ru("deadline.dated", term, after, Dates.russian(deadline));
    }

    // --- changing ---

    public Stored create(CampaignDefinition definition) {
        Caller caller = CallerContext.require(MANAGERS);
        check(definition);
        return jpa.txExpr(em -> {
            if (em.find(CampaignEntity.class, definition.code()) != null) {
                throw new CampaignException(true, "campaign.campaign-exists", List.of(), definition.code());
            }
            CampaignEntity entity = new CampaignEntity(definition.code());
            entity.set(definition.title(), definition.year(), write(definition), caller.login());
            em.persist(entity);
            em.flush();
            LOG.info("Campaign {} created by {}", definition.code(), caller.login());
            return stored(entity);
        });
    }

    /** Replaces the roadmap; {@code expectedVersion} must be the version read, or nothing changes (409). */
    public Stored update(String code, CampaignDefinition definition, long expectedVersion) {
        Caller caller = CallerContext.require(MANAGERS);
        if (definition == null || !code.equals(definition.code())) {
            throw new CampaignException(false, "campaign.code-must-stay", List.of(), code);
        }
        check(definition);
        return jpa.txExpr(em -> {
            CampaignEntity entity = find(em, code, true);
            if (entity.version() != expectedVersion) {
                throw new CampaignException(true, "campaign.changed-by-someone", List.of(), entity.changedBy());
            }
            entity.set(definition.title(), definition.year(), write(definition), caller.login());
            em.flush();
            return stored(entity);
        });
    }

    /** Deletes a campaign none of whose form periods has assignments left. */
    public void delete(String code) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR);
        jpa.tx(em -> {
            CampaignEntity entity = find(em, code, true);
            for (CampaignDefinition.Step step : stored(entity).definition().steps()) {
                if (step.collectsForm() && !submissions.statuses(step.period(), step.form()).isEmpty()) {
                    throw new CampaignException(true, "campaign.withdraw-assignments-first", List.of(), step.form(), step.period());
                }
            }
            em.createQuery("DELETE FROM CampaignEventEntity e WHERE e.campaignCode = :c").setParameter("c", code).executeUpdate();
            em.createQuery("DELETE FROM StepDoneEntity d WHERE d.campaignCode = :c").setParameter("c", code).executeUpdate();
            em.remove(entity);
            LOG.info("Campaign {} deleted by {}", code, caller.login());
        });
    }

    /** A copy for another year: dates shifted, periods renamed; no events, marks or assignments. */
    public Stored copy(String code, String newCode, int year, String title) {
        CallerContext.require(MANAGERS);
        CampaignDefinition source = get(code).definition();
        return create(source.copyTo(newCode, year, title));
    }

    @Override
    public void record(String campaignCode, String event, LocalDate occurredOn) {
        Caller caller = CallerContext.require(MANAGERS);
        String name = event == null ? "" : event.startsWith("event:") ? event.substring("event:".length()) : event;
        if (!name.matches("[0-9a-z_-]{1,100}") || occurredOn == null) {
            throw new CampaignException(false, "campaign.event-name-date", List.of());
        }
        jpa.tx(em -> {
            find(em, campaignCode, false);
            CampaignEventEntity entity = em.createQuery("SELECT e FROM CampaignEventEntity e WHERE e.campaignCode = :c AND e.name = :n",
                    CampaignEventEntity.class).setParameter("c", campaignCode).setParameter("n", name).getResultStream().findFirst().orElse(null);
            if (entity == null) {
                entity = new CampaignEventEntity(campaignCode, name);
                entity.set(occurredOn, caller.login());
                em.persist(entity);
            } else {
                entity.set(occurredOn, caller.login());
            }
            LOG.info("Campaign {}: event {} recorded on {} by {}", campaignCode, name, occurredOn, caller.login());
        });
    }

    /** Marks a step without a form done (or not done again). */
    public void markDone(String code, String stepId, boolean done) {
        Caller caller = CallerContext.require(MANAGERS);
        jpa.tx(em -> {
            CampaignDefinition definition = stored(find(em, code, false)).definition();
            CampaignDefinition.Step step = definition.step(stepId);
            if (step == null) {
                throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "campaign.no-such-step", stepId);
            }
            if (step.collectsForm()) {
                throw new CampaignException(true, "campaign.form-step-done", List.of());
            }
            List<StepDoneEntity> marks = em.createQuery("SELECT d FROM StepDoneEntity d WHERE d.campaignCode = :c AND d.stepId = :s",
                    StepDoneEntity.class).setParameter("c", code).setParameter("s", stepId).getResultList();
            if (done && marks.isEmpty()) {
                em.persist(new StepDoneEntity(code, stepId, Instant.now(), caller.login()));
            } else if (!done) {
                marks.forEach(em::remove);
            }
        });
    }

    // --- internals ---

    private void check(CampaignDefinition definition) {
        if (definition == null) {
            throw new CampaignException(false, "campaign.empty-campaign", List.of());
        }
        List<String> problems = definition.problems(calendar);
        if (!problems.isEmpty()) {
            throw new CampaignException(false, "campaign.campaign-has-problems", problems, problems.size());
        }
    }

    private static CampaignEntity find(EntityManager em, String code, boolean forWrite) {
        CampaignEntity entity = code == null ? null : forWrite ? em.find(CampaignEntity.class, code, LockModeType.PESSIMISTIC_WRITE)
                : em.find(CampaignEntity.class, code);
        if (entity == null) {
            throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "campaign.no-such-campaign", code);
        }
        return entity;
    }

    private static Map<String, LocalDate> events(EntityManager em, String code) {
        Map<String, LocalDate> events = new LinkedHashMap<>();
        em.createQuery("SELECT e FROM CampaignEventEntity e WHERE e.campaignCode = :c ORDER BY e.name", CampaignEventEntity.class)
                .setParameter("c", code).getResultList().forEach(e -> events.put("event:" + e.name(), e.occurredOn()));
        return events;
    }

    private static Stored stored(CampaignEntity entity) {
        try {
            return new Stored(JSON.readValue(entity.definition(), CampaignDefinition.class), entity.version(), entity.changedAt(), entity.changedBy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + entity.code() + " is unreadable", e);
        }
    }

    private static String write(CampaignDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
