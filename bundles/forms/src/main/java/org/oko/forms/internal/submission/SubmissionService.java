package org.oko.forms.internal.submission;

import org.oko.forms.api.SubmissionState;
import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.FORBIDDEN;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;
import static org.oko.forms.internal.submission.SubmissionException.Kind.TOO_LARGE;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.forms.api.Submissions;
import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.FormValidator;
import org.oko.forms.api.ReportContributor;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;
import org.oko.forms.api.ValidationMessage;
import org.oko.forms.internal.eval.Evaluation;
import org.oko.forms.internal.eval.FormEvaluator;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Submissions and their workflow. Every call is authorised here by role and organisation scope;
 * a submission outside the caller's scope answers exactly like a missing one. Every write locks
 * the submission's row first, so that saves, submits and returns of one submission happen one
 * after another and a value's revision check cannot race.
 */
@Component(service = SubmissionService.class)
public class SubmissionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest letter or file indicator upload. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    private static final Role[] READERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR};
    /** Who may look: the readers and observers (whose scope is what they are assigned); looking is all an observer does. */
    private static final Role[] VIEWERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.MINISTRY_OFFICIAL,
            Role.FOUNDER_COORDINATOR, Role.SCHOOL_COORDINATOR, Role.OBSERVER};

    @Reference(target = "(osgi.unit.name=oko-forms)")
    private JpaTemplate jpa;

    @Reference
    private FormRegistryImpl registry;

    @Reference
    private CatalogService catalog;

    /** The modules' validators, calculators, report contributors and importers. */
    @Reference
    private Whiteboard whiteboard;

    private final FormEvaluator evaluator = new FormEvaluator();
    /** Calculator keys already reported as no input of their form: logged once, not on every read. */
    private final Set<String> reportedKeys = ConcurrentHashMap.newKeySet();

    // --- views ---

    public record Summary(long id, String period, String formId, int formVersion, String organisationCode,
                          String organisationName, SubmissionState state, int completion, Instant changedAt) {
    }

    public record ValueView(Object value, int revision, String changedBy, Instant changedAt) {
    }

    /**
     * @param computed   values of computed indicators and of the keys modules' calculators fill
     * @param calculated the keys modules' calculators fill (read-only, like computed ones)
     * @param importers  the importers of the form's modules a file can be uploaded with
     */
    public record View(Summary submission, boolean formAvailable, Map<String, ValueView> values, Map<String, Object> computed,
                       Set<String> calculated, Set<String> hidden, List<ValidationMessage> messages, Map<String, String> explanations,
                       List<HistoryEntry> returnComments, List<RowSpec> structuralUnits, Set<Action> actions, boolean letter,
                       List<ImporterInfo> importers) {
    }

    /** An importer a file can be uploaded with: {@code POST /api/submissions/{id}/import?importer=<id>}. */
    public record ImporterInfo(String id, Text title) {
    }

    /** An import's outcome: how many values changed, and the submission after it. */
    public record Imported(int changed, View submission) {
    }

    /** A module's extra sheet of an export, or why it is missing. */
    public record Contribution(String module, ReportContributor.Sheet sheet, String failure) {
    }

    public record HistoryEntry(Instant at, String actor, String kind, String key, String oldValue, String newValue) {
    }

    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    // --- reading ---

    public List<Summary> list(String period, String formId, String organisationCode, SubmissionState state) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            StringBuilder jpql = new StringBuilder("SELECT s FROM SubmissionEntity s WHERE 1 = 1");
            Map<String, Object> parameters = new HashMap<>();
            filter(jpql, parameters, "period", period);
            filter(jpql, parameters, "formId", formId);
            filter(jpql, parameters, "organisationCode", organisationCode);
            if (state != null) {
                jpql.append(" AND s.state = :state");
                parameters.put("state", state);
            }
            jpql.append(" ORDER BY s.organisationCode, s.formId, s.period");
            TypedQuery<SubmissionEntity> query = em.createQuery(jpql.toString(), SubmissionEntity.class);
            parameters.forEach(query::setParameter);
            List<Summary> result = new ArrayList<>();
            for (SubmissionEntity submission : query.getResultList()) {
                if (caller.scope().contains(submission.organisationCode())) {
                    result.add(summary(submission));
                }
            }
            return result;
        });
    }

    public View get(long id) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> view(em, visible(em, id, caller, false), caller));
    }

    /** Every submission of one form version (and period, if given) within the caller's scope, evaluated: for exports. */
    public List<View> views(String formId, int version, String period) {
        Caller caller = CallerContext.require(VIEWERS);
        if (registry.definition(formId, version).isEmpty()) {
            throw new NoSuchElementException("Нет формы " + formId + " версии " + version);
        }
        return jpa.txExpr(em -> {
            TypedQuery<SubmissionEntity> query = em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.formId = :f AND s.formVersion = :v"
                    + (period == null || period.isBlank() ? "" : " AND s.period = :p") + " ORDER BY s.organisationCode, s.period", SubmissionEntity.class)
                    .setParameter("f", formId).setParameter("v", version);
            if (period != null && !period.isBlank()) {
                query.setParameter("p", period.trim());
            }
            List<View> views = new ArrayList<>();
            for (SubmissionEntity submission : query.getResultList()) {
                if (caller.scope().contains(submission.organisationCode())) {
                    views.add(view(em, submission, caller));
                }
            }
            return views;
        });
    }

    public FormDefinition definition(String formId, int version) {
        CallerContext.require(VIEWERS);
        return registry.definition(formId, version).orElseThrow(() -> new NoSuchElementException("Нет формы " + formId + " версии " + version));
    }

    public List<HistoryEntry> history(long id) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            visible(em, id, caller, false);
            return events(em, id, null).stream().map(SubmissionService::entry).toList();
        });
    }

    public FileContent letter(long id) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            visible(em, id, caller, false);
            LetterEntity letter = em.find(LetterEntity.class, id);
            if (letter == null) {
                throw new NoSuchElementException("Письмо не загружено / no letter");
            }
            return content(letter.file());
        });
    }

    /** The file behind a file indicator's value. */
    public FileContent file(long id, String key) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> {
            visible(em, id, caller, false);
            ValueEntity value = value(em, id, key);
            ValueFileEntity file = value == null ? null : em.find(ValueFileEntity.class, value.id());
            if (file == null) {
                throw new NoSuchElementException("Файл не загружен / no file");
            }
            return content(file.file());
        });
    }

    private static FileContent content(StoredFile file) {
        return new FileContent(file.fileName(), file.contentType(), file.content());
    }

    // --- writing ---

    /** Assigns a form (its newest available version) to an organisation for a period. */
    public Summary assign(String period, String formId, String organisationCode) {
        Submissions.Outcome outcome = assignAll(period, formId, List.of(organisationCode == null ? "" : organisationCode)).get(0);
        return switch (outcome.result()) {
            case DONE -> jpa.txExpr(em -> summary(em.find(SubmissionEntity.class, outcome.submissionId())));
            case UNCHANGED -> throw new SubmissionException(CONFLICT, outcome.message());
            case REFUSED -> throw outcome.message().startsWith("Нет организации") ? new NoSuchElementException(outcome.message())
                    : new SubmissionException(outcome.message().startsWith("Федеральные") ? FORBIDDEN : INVALID, outcome.message());
        };
    }

    /** Assigns a form to many organisations in one transaction; the outcome per organisation says what happened. */
    public List<Submissions.Outcome> assignAll(String period, String formId, Collection<String> organisationCodes) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        if (period == null || !period.matches("[0-9A-Za-z_.-]{1,40}")) {
            throw new SubmissionException(INVALID, "Период: от 1 до 40 знаков — буквы, цифры, «-», «_», «.» / invalid period");
        }
        FormDefinition definition = registry.latest(formId)
                .orElseThrow(() -> new SubmissionException(INVALID, "Форма " + formId + " недоступна / form not available"));
        boolean regional = caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR);
        return jpa.txExpr(em -> {
            Set<String> assigned = new HashSet<>(em.createQuery("SELECT s.organisationCode FROM SubmissionEntity s WHERE s.period = :p AND s.formId = :f",
                    String.class).setParameter("p", period).setParameter("f", formId).getResultList());
            List<Submissions.Outcome> outcomes = new ArrayList<>();
            for (String code : new LinkedHashSet<>(organisationCodes)) {
                Organisation organisation = organisation(code);
                String refusal = organisation == null || !caller.scope().contains(code) ? "Нет организации " + code + " / no such organisation"
                        : organisation.kind() != OrganisationKind.SCHOOL ? "Не образовательная организация / not a school"
                        : organisation.parentCode() != null ? "Филиал: данные подаёт головная организация / a branch reports through its head school"
                        : organisation.status() == OrganisationStatus.CLOSED ? "Организация закрыта / the organisation is closed"
                        : !regional && !hasMunicipalFounder(organisation)
                                ? "Федеральные и частные ОО назначает региональный центр / assigned by the regional centre" : null;
                if (refusal != null) {
                    outcomes.add(new Submissions.Outcome(code, Submissions.Result.REFUSED, null, refusal));
                } else if (!assigned.add(code)) {
                    outcomes.add(new Submissions.Outcome(code, Submissions.Result.UNCHANGED, null,
                            "Форма уже назначена этой организации на период " + period + " / already assigned"));
                } else {
                    SubmissionEntity submission = new SubmissionEntity(period, formId, definition.version(), code, caller.login());
                    em.persist(submission);
                    em.flush();
                    em.persist(new EventEntity(submission.id(), caller.login(), EventEntity.Kind.TRANSITION, null, null, SubmissionState.ASSIGNED.name()));
                    outcomes.add(new Submissions.Outcome(code, Submissions.Result.DONE, submission.id(), null));
                }
            }
            LOG.info("Form {} for period {} assigned by {}: {} of {} organisations", formId, period, caller.login(),
                    outcomes.stream().filter(o -> o.result() == Submissions.Result.DONE).count(), outcomes.size());
            return outcomes;
        });
    }

    /** Withdraws an assignment that holds no data yet. */
    public void withdraw(long id) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        jpa.tx(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            String refusal = withdrawal(em, submission, caller);
            if (refusal != null) {
                throw new SubmissionException(CONFLICT, refusal);
            }
        });
    }

    /** Withdraws the assignments of a form period that hold no data yet, in one transaction. */
    public List<Submissions.Outcome> withdrawAll(String period, String formId, Collection<String> organisationCodes) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR, Role.FOUNDER_COORDINATOR);
        return jpa.txExpr(em -> {
            Map<String, SubmissionEntity> byCode = new HashMap<>();
            em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.period = :p AND s.formId = :f", SubmissionEntity.class)
                    .setParameter("p", period).setParameter("f", formId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(s -> byCode.put(s.organisationCode(), s));
            List<Submissions.Outcome> outcomes = new ArrayList<>();
            for (String code : new LinkedHashSet<>(organisationCodes)) {
                SubmissionEntity submission = byCode.get(code);
                if (submission == null || !caller.scope().contains(code)) {
                    outcomes.add(new Submissions.Outcome(code, Submissions.Result.UNCHANGED, null, "Форма не назначена / not assigned"));
                    continue;
                }
                long id = submission.id();
                String refusal = withdrawal(em, submission, caller);
                outcomes.add(refusal == null ? new Submissions.Outcome(code, Submissions.Result.DONE, id, null)
                        : new Submissions.Outcome(code, Submissions.Result.REFUSED, id, refusal));
            }
            return outcomes;
        });
    }

    /** Removes an assignment without data and says null, or says why it stays. */
    private String withdrawal(EntityManager em, SubmissionEntity submission, Caller caller) {
        Organisation organisation = organisation(submission.organisationCode());
        if (!caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR) && (organisation == null || !hasMunicipalFounder(organisation))) {
            return "Федеральные и частные ОО назначает региональный центр / assigned by the regional centre";
        }
        if (submission.state() != SubmissionState.ASSIGNED || !values(em, submission.id()).isEmpty()) {
            return "В форме уже есть данные: назначение не снимается / the submission has data";
        }
        em.createQuery("DELETE FROM EventEntity e WHERE e.submissionId = :id").setParameter("id", submission.id()).executeUpdate();
        em.remove(submission);
        LOG.info("Submission {} ({} of {}, {}) withdrawn by {}", submission.id(), submission.formId(), submission.organisationCode(),
                submission.period(), caller.login());
        return null;
    }

    /** Every submission of a form in a period within the caller's scope: the scheduler's view. */
    public List<Submissions.Status> statuses(String period, String formId) {
        Caller caller = CallerContext.require(VIEWERS);
        return jpa.txExpr(em -> em.createQuery("SELECT s FROM SubmissionEntity s WHERE s.period = :p AND s.formId = :f ORDER BY s.organisationCode",
                        SubmissionEntity.class).setParameter("p", period).setParameter("f", formId).getResultStream()
                .filter(s -> caller.scope().contains(s.organisationCode()))
                .map(s -> new Submissions.Status(s.id(), s.period(), s.formId(), s.formVersion(), s.organisationCode(), s.state(),
                        s.completion(), s.submittedAt(), s.changedAt()))
                .toList());
    }


    /**
     * Saves one value. {@code expectedRevision} is the revision the client started from (0 for an empty
     * value); another person's newer save answers a conflict with their value, and nothing is overwritten.
     */
    public View saveValue(long id, String key, Object raw, int expectedRevision) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, Action.EDIT, caller);
            FormDefinition definition = definition(submission);
            List<RowSpec> units = structuralUnits(submission.organisationCode());
            Indicator indicator = ValueKeys.input(definition, key, units);
            if (calculatedKeys(definition, units).contains(key)) {
                throw new SubmissionException(INVALID, "«" + key + "» рассчитывает модуль формы, его не вводят"
                        + " / calculated by the form's module, not typed");
            }
            ValueCodec.Decoded decoded = ValueCodec.decode(indicator, raw);
            if (!decoded.ok()) {
                throw new SubmissionException(INVALID, decoded.error().ru() + " / " + decoded.error().in("en"));
            }
            if (indicator.type() == IndicatorType.FILE && decoded.value() != null) {
                throw new SubmissionException(INVALID, "Файл загружается отдельно: PUT …/files/" + key + " / upload the file itself");
            }
            ValueEntity value = store(em, submission, decision, caller, definition, key, decoded.value(), expectedRevision);
            if (indicator.type() == IndicatorType.FILE) {
                em.createQuery("DELETE FROM ValueFileEntity f WHERE f.valueId = :v").setParameter("v", value.id()).executeUpdate();
            }
            return finish(em, submission, caller);
        });
    }

    /**
     * Saves a file indicator's file: a PDF, JPEG, PNG, XLSX or DOCX (checked by its bytes) of at
     * most 10 MB. The value becomes the file's name and checksum, with the usual revision check.
     */
    public View saveFile(long id, String key, String fileName, String contentType, byte[] content, int expectedRevision) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        return jpa.txExpr(em -> {
            // Scope first: another school's submission is missing, whatever the file.
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, Action.EDIT, caller);
            FormDefinition definition = definition(submission);
            Indicator indicator = ValueKeys.input(definition, key, structuralUnits(submission.organisationCode()));
            if (indicator.type() != IndicatorType.FILE) {
                throw new SubmissionException(INVALID, "Показатель «" + key + "» — не файл / not a file indicator");
            }
            String detected = checkedAttachment(contentType, content);
            String name = FileTypes.safeName(fileName, key.replaceAll("[^\\p{L}\\p{N}_-]", "_") + FileTypes.extension(detected));
            String sha256 = sha256(content);
            ValueEntity value = store(em, submission, decision, caller, definition, key, name + " (" + sha256.substring(0, 12) + ")", expectedRevision);
            ValueFileEntity file = em.find(ValueFileEntity.class, value.id());
            if (file == null) {
                file = new ValueFileEntity(value.id(), id);
                em.persist(file);
            }
            file.set(new StoredFile(name, detected, content, sha256, caller.login()));
            return finish(em, submission, caller);
        });
    }

    /** The type of an acceptable file indicator upload, or a refusal saying what is accepted. */
    private static String checkedAttachment(String contentType, byte[] content) {
        checkedSize(content);
        String detected = FileTypes.detectAttachment(content);
        String declared = FileTypes.normalise(contentType);
        if (detected == null || declared != null && !declared.equals("application/octet-stream") && !declared.equals(detected)) {
            throw new SubmissionException(INVALID, "Файл должен быть PDF, JPEG, PNG, XLSX или DOCX, и тип файла должен совпадать с содержимым"
                    + " / the file must be a PDF, JPEG, PNG, XLSX or DOCX file whose type matches its content");
        }
        return detected;
    }

    /** An upload is neither empty nor over 10 MB. */
    private static void checkedSize(byte[] content) {
        if (content == null || content.length == 0) {
            throw new SubmissionException(INVALID, "Файл пуст / the file is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new SubmissionException(TOO_LARGE, "Файл больше 10 МБ / the file is larger than 10 MB");
        }
    }

    /** Writes a decoded value after the revision check; the first change starts the work. */
    private ValueEntity store(EntityManager em, SubmissionEntity submission, Workflow.Decision decision, Caller caller,
                              FormDefinition definition, String key, Object decoded, int expectedRevision) {
        long id = submission.id();
        ValueEntity value = value(em, id, key);
        int current = value == null ? 0 : value.revision();
        if (current != expectedRevision) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("key", key);
            details.put("currentValue", value == null ? null : read(value.json()));
            details.put("currentRevision", current);
            details.put("changedBy", value == null ? null : value.changedBy());
            details.put("changedAt", value == null ? null : value.changedAt().toString());
            throw new SubmissionException(CONFLICT, "Значение уже изменил другой пользователь (" + (value == null ? "—" : value.changedBy())
                    + "); обновите и проверьте / someone else changed this value", details);
        }
        if (value == null) {
            checkOpenRowLimit(em, definition, id, key);
        }
        value = record(em, id, key, value, write(ValueCodec.encode(decoded)), caller);
        if (decision.next() != submission.state()) {
            transition(em, submission, decision.next(), caller, null);
        }
        return value;
    }

    /** A value's new JSON under a new revision, with its line in the history. */
    private static ValueEntity record(EntityManager em, long id, String key, ValueEntity value, String json, Caller caller) {
        if (value == null) {
            value = new ValueEntity(id, key);
            em.persist(value);
        }
        String old = value.json();
        value.set(json, caller.login());
        em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.VALUE, key, old, json));
        return value;
    }

    private View finish(EntityManager em, SubmissionEntity submission, Caller caller) {
        submission.touch(caller.login());
        View view = view(em, submission, caller);
        submission.completion(view.submission().completion());
        return view;
    }

    private static ValueEntity value(EntityManager em, long id, String key) {
        return em.createQuery("SELECT v FROM ValueEntity v WHERE v.submissionId = :id AND v.key = :key", ValueEntity.class)
                .setParameter("id", id).setParameter("key", key).getResultStream().findFirst().orElse(null);
    }

    /** The school's explanation of a warning (a warning needs one before the form can be submitted). */
    public View explain(long id, String ruleId, String text) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new SubmissionException(INVALID, "Пояснение: от 1 до 2000 знаков / explanation of 1 to 2000 characters");
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            decide(submission, Action.EDIT, caller);
            if (definition(submission).rules().stream().noneMatch(r -> r.id().equals(ruleId) && r.severity() == Severity.WARNING)) {
                throw new SubmissionException(INVALID, "Нет предупреждения «" + ruleId + "» в форме / no such warning");
            }
            em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.EXPLANATION, ruleId, null, text.trim()));
            return view(em, submission, caller);
        });
    }

    public View submit(long id) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, Action.SUBMIT, caller);
            View view = view(em, submission, caller);
            List<ValidationMessage> blocking = new ArrayList<>();
            for (ValidationMessage message : view.messages()) {
                boolean unexplainedWarning = message.severity() == Severity.WARNING && !view.explanations().containsKey(message.ruleId());
                if (message.severity() == Severity.ERROR || unexplainedWarning) {
                    blocking.add(message);
                }
            }
            if (!blocking.isEmpty()) {
                throw new SubmissionException(CONFLICT, "Форма не отправлена: исправьте ошибки и поясните предупреждения ("
                        + blocking.size() + ") / fix the errors and explain the warnings", Map.of("messages", blocking));
            }
            if (view.submission().completion() < 100) {
                throw new SubmissionException(CONFLICT, "Заполнены не все обязательные показатели (" + view.submission().completion()
                        + "%) / required indicators are missing");
            }
            transition(em, submission, decision.next(), caller, null);
            return view(em, submission, caller);
        });
    }

    /** Returns to the school with an overall comment and comments per indicator. */
    public View sendBack(long id, String comment, Map<String, String> fieldComments) {
        Caller caller = CallerContext.require(READERS);
        if (comment == null || comment.isBlank()) {
            throw new SubmissionException(INVALID, "Укажите, что исправить / a comment is required");
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, Action.RETURN, caller);
            transition(em, submission, decision.next(), caller, comment.trim());
            if (fieldComments != null) {
                fieldComments.forEach((key, text) -> {
                    if (text != null && !text.isBlank()) {
                        em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.COMMENT, key, null, text.trim()));
                    }
                });
            }
            return view(em, submission, caller);
        });
    }

    /**
     * Moves a submission still being filled to the newest available version of its form, carrying
     * its values by the versions' upgrade instructions; values the new version has no place for are
     * dropped and kept in the history.
     */
    public View upgrade(long id) {
        Caller caller = CallerContext.require(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            if (!EnumSet.of(SubmissionState.ASSIGNED, SubmissionState.IN_PROGRESS, SubmissionState.RETURNED).contains(submission.state())) {
                throw new SubmissionException(CONFLICT, "Переводить на новую версию можно только незаполненную или возвращённую форму"
                        + " / only submissions being filled move to a new version");
            }
            FormDefinition target = registry.latest(submission.formId())
                    .filter(d -> d.version() > submission.formVersion())
                    .orElseThrow(() -> new SubmissionException(CONFLICT, "Новее версии нет / no newer version"));
            List<FormDefinition> steps = new ArrayList<>();
            for (int version = submission.formVersion() + 1; version <= target.version(); version++) {
                registry.definition(submission.formId(), version).ifPresent(steps::add);
            }
            List<RowSpec> units = structuralUnits(submission.organisationCode());
            List<ValueEntity> values = values(em, id);
            Map<String, String> plan = Upgrades.plan(values.stream().map(ValueEntity::key).toList(), steps);
            for (ValueEntity value : values) {
                String next = plan.get(value.key());
                if (next != null) {
                    try {
                        ValueKeys.input(target, next, units);
                    } catch (SubmissionException noPlace) {
                        next = null;
                    }
                }
                if (next == null) {
                    em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.UPGRADE, value.key(), value.json(), null));
                    em.createQuery("DELETE FROM ValueFileEntity f WHERE f.valueId = :v").setParameter("v", value.id()).executeUpdate();
                    em.remove(value);
                } else if (!next.equals(value.key())) {
                    em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.UPGRADE, next, value.key(), value.json()));
                    value.rename(next);
                }
            }
            em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.UPGRADE, null,
                    String.valueOf(submission.formVersion()), String.valueOf(target.version())));
            LOG.info("Submission {} moved from {}@{} to {}", id, submission.formId(), submission.formVersion(), target.key());
            submission.formVersion(target.version());
            submission.touch(caller.login());
            em.flush();
            View view = view(em, submission, caller);
            submission.completion(view.submission().completion());
            return view;
        });
    }

    public View verify(long id) {
        return simpleTransition(id, Action.VERIFY, null);
    }

    public View lock(long id) {
        return simpleTransition(id, Action.LOCK, null);
    }

    public View unlock(long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new SubmissionException(INVALID, "Укажите причину / a reason is required");
        }
        return simpleTransition(id, Action.UNLOCK, reason.trim());
    }

    /** Confirms with the founder's letter: a PDF, JPEG or PNG (checked by its first bytes), at most 10 MB. */
    public View confirm(long id, String fileName, String contentType, byte[] content) {
        Caller caller = CallerContext.require(READERS);
        if (content == null || content.length == 0) {
            throw new SubmissionException(INVALID, "Файл письма пуст / the letter is empty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new SubmissionException(TOO_LARGE, "Письмо больше 10 МБ / the letter is larger than 10 MB");
        }
        String detected = FileTypes.detect(content);
        if (detected == null || !detected.equals(FileTypes.normalise(contentType))) {
            throw new SubmissionException(INVALID, "Письмо должно быть PDF, JPEG или PNG, и тип файла должен совпадать с содержимым"
                    + " / the letter must be a PDF, JPEG or PNG file whose type matches its content");
        }
        String name = FileTypes.safeName(fileName, "letter" + FileTypes.extension(detected));
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, Action.CONFIRM, caller);
            LetterEntity letter = em.find(LetterEntity.class, id);
            if (letter == null) {
                letter = new LetterEntity(id);
                em.persist(letter);
            }
            letter.set(new StoredFile(name, detected, content, sha256(content), caller.login()));
            transition(em, submission, decision.next(), caller, "письмо " + name + " (" + content.length + " байт)");
            return view(em, submission, caller);
        });
    }

    private View simpleTransition(long id, Action action, String comment) {
        Caller caller = CallerContext.require(READERS);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, action, caller);
            transition(em, submission, decision.next(), caller, comment);
            return view(em, submission, caller);
        });
    }

    // --- internals ---

    /** The submission if the caller's scope holds it; for writes its row is locked until the transaction ends. */
    private SubmissionEntity visible(EntityManager em, long id, Caller caller, boolean forWrite) {
        SubmissionEntity submission = forWrite ? em.find(SubmissionEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(SubmissionEntity.class, id);
        if (submission == null || !caller.scope().contains(submission.organisationCode())) {
            throw new NoSuchElementException("Нет формы с номером " + id + " / no such submission");
        }
        return submission;
    }

    private Workflow.Decision decide(SubmissionEntity submission, Action action, Caller caller) {
        Workflow.Decision decision = Workflow.decide(submission.state(), action, parties(caller, submission.organisationCode()));
        if (!decision.allowed()) {
            throw new SubmissionException(decision.roleMayNever() ? FORBIDDEN : CONFLICT, decision.reason());
        }
        if (action == Action.EDIT || action == Action.SUBMIT) {
            if (!registry.isAvailable(submission.formId(), submission.formVersion())) {
                throw new SubmissionException(CONFLICT, "Модуль формы " + submission.formId() + " сейчас не установлен: данные сохранены, "
                        + "но изменить их нельзя / the form's module is not installed");
            }
        }
        return decision;
    }

    Set<Party> parties(Caller caller, String organisationCode) {
        return parties(caller, organisation(organisationCode));
    }

    /**
     * How a caller stands to a submission of this organisation (null when the catalog does not know it).
     * Municipal and state schools are verified by their founder; federal and private ones confirm their own data.
     */
    static Set<Party> parties(Caller caller, Organisation organisation) {
        Set<Party> parties = EnumSet.of(Party.READER);
        boolean municipal = organisation != null && hasMunicipalFounder(organisation);
        if (caller.hasAnyRole(Role.SCHOOL_COORDINATOR)) {
            parties.add(Party.SCHOOL);
            if (!municipal) {
                parties.add(Party.SELF_CONFIRMER);
            }
        }
        if (caller.hasAnyRole(Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR) || (caller.hasAnyRole(Role.FOUNDER_COORDINATOR) && municipal)) {
            parties.add(Party.VERIFIER);
        }
        if (caller.hasAnyRole(Role.ADMINISTRATOR)) {
            parties.add(Party.ADMINISTRATOR);
        }
        return parties;
    }

    private static boolean hasMunicipalFounder(Organisation organisation) {
        return organisation.founderType() == FounderType.MUNICIPAL || organisation.founderType() == FounderType.STATE;
    }

    private void transition(EntityManager em, SubmissionEntity submission, SubmissionState next, Caller caller, String comment) {
        SubmissionState from = submission.state();
        submission.state(next);
        submission.touch(caller.login());
        em.persist(new EventEntity(submission.id(), caller.login(), EventEntity.Kind.TRANSITION, comment, from.name(), next.name()));
        LOG.info("Submission {} ({} of {}): {} → {} by {}", submission.id(), submission.formId(), submission.organisationCode(),
                from, next, caller.login());
    }

    private View view(EntityManager em, SubmissionEntity submission, Caller caller) {
        FormDefinition definition = definition(submission);
        List<RowSpec> units = structuralUnits(submission.organisationCode());
        Map<String, ValueView> values = new LinkedHashMap<>();
        Map<String, Object> typed = new HashMap<>();
        for (ValueEntity value : values(em, submission.id())) {
            Object raw = read(value.json());
            values.put(value.key(), new ValueView(raw, value.revision(), value.changedBy(), value.changedAt()));
            Indicator indicator = indicatorOf(definition, value.key());
            if (indicator != null && raw != null) {
                ValueCodec.Decoded decoded = ValueCodec.decode(indicator, raw);
                if (decoded.ok() && decoded.value() != null) {
                    typed.put(value.key(), decoded.value());
                }
            }
        }
        List<ValidationMessage> calculatorMessages = new ArrayList<>();
        Map<String, Object> calculated = calculate(definition, submission, units, typed, calculatorMessages);
        values.keySet().removeAll(calculated.keySet()); // a value typed before its calculator came waits in the database
        Evaluation evaluation = evaluator.evaluate(definition, typed, units);
        List<ValidationMessage> messages = new ArrayList<>(evaluation.messages());
        messages.addAll(calculatorMessages);
        for (FormValidator validator : whiteboard.validators(definition.id())) {
            try {
                messages.addAll(validator.validate(definition, Map.copyOf(typed)));
            } catch (RuntimeException e) {
                LOG.error("Validator {} of form {} failed", validator.getClass().getName(), definition.id(), e);
                messages.add(new ValidationMessage(null, Severity.ERROR, new Text("Проверка модуля не выполнена: обратитесь к администратору",
                        "A module's check failed: contact the administrator"), "validator"));
            }
        }
        Map<String, String> explanations = new LinkedHashMap<>();
        List<HistoryEntry> comments = new ArrayList<>();
        // Only the kinds the view shows: a busy submission has thousands of value changes in its history. One
        // equality per kind, so that Derby seeks the (SUBMISSION_ID, KIND) index instead of reading every event
        // row of the submission (two 12,000-character columns each) to filter an IN list: this query was 40 %
        // of a save's CPU in the bench's profile (docs/performance.md).
        List<EventEntity> events = new ArrayList<>();
        for (EventEntity.Kind kind : List.of(EventEntity.Kind.EXPLANATION, EventEntity.Kind.TRANSITION, EventEntity.Kind.COMMENT)) {
            events.addAll(events(em, submission.id(), kind));
        }
        events.sort(Comparator.comparingLong(EventEntity::id));
        long lastReturn = -1;
        for (EventEntity event : events) {
            if (event.kind() == EventEntity.Kind.EXPLANATION) {
                explanations.put(event.key(), event.newText());
            } else if (event.kind() == EventEntity.Kind.TRANSITION && SubmissionState.RETURNED.name().equals(event.newText())) {
                lastReturn = event.id();
            }
        }
        for (EventEntity event : events) {
            boolean ofLastReturn = event.id() >= lastReturn && lastReturn >= 0;
            if (ofLastReturn && (event.kind() == EventEntity.Kind.COMMENT || event.id() == lastReturn)) {
                comments.add(entry(event));
            }
        }
        Map<String, Object> computed = new LinkedHashMap<>();
        evaluation.computed().forEach((key, value) -> computed.put(key, ValueCodec.encode(value)));
        calculated.forEach((key, value) -> computed.put(key, ValueCodec.encode(value)));
        // Reads never write: the stored completion (for lists) is updated by the saves that change it.
        Summary summary = summary(submission);
        summary = new Summary(summary.id(), summary.period(), summary.formId(), summary.formVersion(), summary.organisationCode(),
                summary.organisationName(), summary.state(), evaluation.completionPercent(), summary.changedAt());
        Set<Action> actions = Workflow.allowed(submission.state(), parties(caller, submission.organisationCode()));
        List<ImporterInfo> importers = new ArrayList<>();
        whiteboard.importers(definition.id()).forEach((importerId, importer) -> importers.add(new ImporterInfo(importerId, title(importerId, importer))));
        return new View(summary, registry.isAvailable(submission.formId(), submission.formVersion()), values, computed,
                Set.copyOf(calculated.keySet()), evaluation.hidden(), messages, explanations, comments, units, actions,
                em.find(LetterEntity.class, submission.id()) != null, importers);
    }

    // --- the modules' calculators, importers and report contributors ---

    /**
     * Fills the keys the form's calculators provide into {@code typed} (replacing what was typed
     * there) and answers them: key → typed value (null: no value). Calculators see the values typed
     * in and run as the system; a failing one adds an error message and fills nothing.
     */
    private Map<String, Object> calculate(FormDefinition definition, SubmissionEntity submission, List<RowSpec> units,
                                          Map<String, Object> typed, List<ValidationMessage> messages) {
        List<FormCalculator> calculators = whiteboard.calculators(definition.id());
        if (calculators.isEmpty()) {
            return Map.of();
        }
        Map<FormCalculator, Map<String, Indicator>> provided = new LinkedHashMap<>();
        for (FormCalculator calculator : calculators) {
            provided.put(calculator, provided(calculator, definition, units));
        }
        Map<String, Object> calculated = new LinkedHashMap<>();
        provided.values().forEach(keys -> keys.keySet().forEach(key -> {
            typed.remove(key);
            calculated.put(key, null);
        }));
        Map<String, Object> inputs = Map.copyOf(typed);
        provided.forEach((calculator, keys) -> {
            if (keys.isEmpty()) {
                return;
            }
            Map<String, Object> answer;
            try {
                answer = CallerContext.asSystem(() -> calculator.calculate(definition, submission.organisationCode(), submission.period(), inputs));
            } catch (RuntimeException e) {
                LOG.error("Calculator {} of form {} failed for submission {}", calculator.getClass().getName(), definition.id(), submission.id(), e);
                messages.add(new ValidationMessage(null, Severity.ERROR, new Text("Расчёт модуля не выполнен: обратитесь к администратору",
                        "A module's calculation failed: contact the administrator"), "calculator"));
                return;
            }
            if (answer == null) {
                return;
            }
            answer.forEach((key, raw) -> {
                Indicator indicator = keys.get(key);
                if (indicator == null) {
                    warnOnce(calculator, definition, key, "answers a key it does not provide");
                    return;
                }
                ValueCodec.Decoded decoded = ValueCodec.decode(indicator, raw);
                if (!decoded.ok()) {
                    LOG.error("Calculator {} of form {} answered an unfit value for {}: {}", calculator.getClass().getName(), definition.id(),
                            key, decoded.error().ru());
                    messages.add(new ValidationMessage(key, Severity.ERROR, new Text("Модуль рассчитал неподходящее значение: обратитесь к администратору",
                            "A module calculated an unfit value: contact the administrator"), "calculator"));
                } else if (decoded.value() != null) {
                    typed.put(key, decoded.value());
                    calculated.put(key, decoded.value());
                }
            });
        });
        return calculated;
    }

    /** The input keys a calculator provides in this form, with their indicators; a calculator that fails here provides none. */
    private Map<String, Indicator> provided(FormCalculator calculator, FormDefinition definition, List<RowSpec> units) {
        Map<String, Indicator> keys = new LinkedHashMap<>();
        Set<String> declared;
        try {
            declared = calculator.provides(definition);
        } catch (RuntimeException e) {
            LOG.error("Calculator {} of form {} failed to name its keys", calculator.getClass().getName(), definition.id(), e);
            return keys;
        }
        for (String key : declared == null ? Set.<String>of() : declared) {
            try {
                keys.put(key, ValueKeys.input(definition, key, units));
            } catch (SubmissionException notAnInput) {
                warnOnce(calculator, definition, key, "provides no input of the form");
            }
        }
        return keys;
    }

    /** Keys the form's calculators fill: nobody may save or import them. */
    private Set<String> calculatedKeys(FormDefinition definition, List<RowSpec> units) {
        Set<String> keys = new HashSet<>();
        for (FormCalculator calculator : whiteboard.calculators(definition.id())) {
            keys.addAll(provided(calculator, definition, units).keySet());
        }
        return keys;
    }

    private void warnOnce(FormCalculator calculator, FormDefinition definition, String key, String what) {
        if (reportedKeys.size() < 10_000 && reportedKeys.add(calculator.getClass().getName() + " " + definition.key() + " " + key)) {
            LOG.warn("Calculator {} of form {} {}: {} (ignored)", calculator.getClass().getName(), definition.key(), what, key);
        }
    }

    private static Text title(String importerId, FormImporter importer) {
        try {
            Text title = importer.title();
            return title == null ? Text.of(importerId) : title;
        } catch (RuntimeException e) {
            LOG.error("Importer {} failed to give its title", importerId, e);
            return Text.of(importerId);
        }
    }


    private record ImportTarget(FormDefinition definition, String organisationCode, List<RowSpec> units, FormImporter importer) {
    }

    /**
     * Reads a file with one of the form's importers and saves its values as the school's coordinator
     * would type them: all or nothing, every problem with its row and field, each change in the history.
     */
    public Imported importValues(long id, String importerId, String fileName, byte[] content, Instant since) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        // First who may edit and with what, then the module reads the file outside any transaction (no row locked meanwhile).
        ImportTarget target = jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, false);
            decide(submission, Action.EDIT, caller);
            FormImporter importer = importerId == null ? null : whiteboard.importers(submission.formId()).get(importerId);
            if (importer == null) {
                throw new SubmissionException(INVALID, "Нет загрузчика «" + importerId + "» для формы " + submission.formId()
                        + " / no such importer for the form");
            }
            return new ImportTarget(definition(submission), submission.organisationCode(), structuralUnits(submission.organisationCode()), importer);
        });
        checkedSize(content);
        if (since == null) {
            throw new SubmissionException(INVALID, "Не указано, с какой редакцией формы вы работаете (since): обновите страницу"
                    + " / since: the form's changedAt you started from is required");
        }
        FormImporter.Result result;
        try {
            result = target.importer().read(target.definition(), target.organisationCode(), fileName, content);
        } catch (RuntimeException e) {
            LOG.error("Importer {} of form {} failed on {} ({} bytes) for submission {}", importerId, target.definition().key(), fileName,
                    content.length, id, e);
            throw new SubmissionException(INVALID, "Загрузчик «" + title(importerId, target.importer()).ru() + "» не смог прочитать файл: "
                    + "проверьте, что это файл нужного вида; ничего не изменено / the importer could not read the file, nothing changed");
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = visible(em, id, caller, true);
            Workflow.Decision decision = decide(submission, Action.EDIT, caller);
            if (submission.changedAt() != null && submission.changedAt().isAfter(since)) {
                // Values typed meanwhile by a colleague would be overwritten unseen.
                throw new SubmissionException(CONFLICT, "Форму изменил " + submission.changedBy() + " после того, как вы её открыли: обновите"
                        + " страницу и загрузите файл снова; ничего не изменено / the form changed since you opened it, nothing changed");
            }
            if (submission.formVersion() != target.definition().version()) {
                throw new SubmissionException(CONFLICT, "Форма перешла на другую версию во время загрузки: загрузите файл ещё раз"
                        + " / the submission moved to another version, upload again");
            }
            Map<String, ValueEntity> stored = new HashMap<>();
            values(em, id).forEach(v -> stored.put(v.key(), v));
            ImportCheck.Checked checked = ImportCheck.check(target.definition(), target.units(),
                    calculatedKeys(target.definition(), target.units()), stored.keySet(), result);
            if (!checked.problems().isEmpty()) {
                throw new SubmissionException(INVALID, "Файл не загружен, ничего не изменено: ошибок " + checked.problems().size()
                        + " / the file was not imported, nothing changed: " + checked.problems().size() + " problems",
                        Map.of("problems", checked.problems()));
            }
            int changed = 0;
            for (Map.Entry<String, Object> entry : checked.values().entrySet()) {
                String json = write(ValueCodec.encode(entry.getValue()));
                ValueEntity value = stored.get(entry.getKey());
                if (value != null && json.equals(value.json()) || value == null && entry.getValue() == null) {
                    continue; // unchanged: no revision, no history
                }
                record(em, id, entry.getKey(), value, json, caller);
                changed++;
            }
            if (changed > 0) {
                if (decision.next() != submission.state()) {
                    transition(em, submission, decision.next(), caller, null);
                }
                submission.touch(caller.login());
            }
            LOG.info("Submission {} ({} of {}): {} values imported by {} with {} from {}", id, submission.formId(), submission.organisationCode(),
                    changed, caller.login(), importerId, fileName);
            View view = view(em, submission, caller);
            submission.completion(view.submission().completion());
            return new Imported(changed, view);
        });
    }

    /**
     * The extra sheets of the form's report contributors for an export of these views (which the
     * caller may see); contributors run as the caller. A failing one gives a failure, not a sheet.
     */
    public List<Contribution> contributions(FormDefinition definition, List<View> views) {
        CallerContext.require(VIEWERS);
        List<ReportContributor> contributors = whiteboard.contributors(definition.id());
        if (contributors.isEmpty()) {
            return List.of();
        }
        List<ReportContributor.Submission> submissions = new ArrayList<>();
        for (View view : views) {
            Map<String, Object> all = new LinkedHashMap<>();
            view.values().forEach((key, value) -> all.put(key, value.value()));
            all.putAll(view.computed());
            Map<String, Object> typed = new LinkedHashMap<>();
            all.forEach((key, raw) -> {
                Indicator indicator = indicatorOf(definition, key);
                if (indicator != null && raw != null) {
                    ValueCodec.Decoded decoded = ValueCodec.decode(indicator, raw);
                    if (decoded.ok() && decoded.value() != null) {
                        typed.put(key, decoded.value());
                    }
                }
            });
            Summary s = view.submission();
            submissions.add(new ReportContributor.Submission(s.id(), s.period(), s.organisationCode(), s.organisationName(), s.state(),
                    java.util.Collections.unmodifiableMap(typed)));
        }
        List<ReportContributor.Submission> given = List.copyOf(submissions);
        List<Contribution> contributions = new ArrayList<>();
        for (ReportContributor contributor : contributors) {
            String module = moduleOf(contributor);
            try {
                ReportContributor.Sheet sheet = contributor.contribute(definition, given);
                if (sheet == null) {
                    continue;
                }
                if (sheet.rows() != null && sheet.rows().size() > ReportContributor.MAX_ROWS) {
                    LOG.error("Report contributor {} of form {} answered {} rows, more than {}", module, definition.key(), sheet.rows().size(),
                            ReportContributor.MAX_ROWS);
                    contributions.add(new Contribution(module, null, "Лист модуля " + module + " не добавлен: больше "
                            + ReportContributor.MAX_ROWS + " строк"));
                } else {
                    contributions.add(new Contribution(module, sheet, null));
                }
            } catch (RuntimeException e) {
                LOG.error("Report contributor {} of form {} failed", module, definition.key(), e);
                contributions.add(new Contribution(module, null, "Лист модуля " + module
                        + " не сформирован: ошибка модуля, обратитесь к администратору"));
            }
        }
        return contributions;
    }

    /** The bundle a service comes from, as people see modules; its class if it has none. */
    private static String moduleOf(Object service) {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(service.getClass());
        return bundle == null ? service.getClass().getName() : bundle.getSymbolicName();
    }

    private static Indicator indicatorOf(FormDefinition definition, String key) {
        var cell = CellKey.parse(key);
        SectionItem item = definition.item(cell.map(CellKey::table).orElse(key)).orElse(null);
        if (cell.isEmpty()) {
            return item instanceof Indicator indicator ? indicator : null;
        }
        if (item instanceof Table table) {
            return table.columns().stream().filter(c -> c.code().equals(cell.get().column())).findFirst().orElse(null);
        }
        return null;
    }

    private void checkOpenRowLimit(EntityManager em, FormDefinition definition, long id, String key) {
        CellKey.parse(key).ifPresent(cell -> {
            if (definition.item(cell.table()).orElse(null) instanceof Table table && table.rows().kind() == Rows.Kind.OPEN
                    && table.rows().maxRows() != null) {
                Set<String> rows = new java.util.HashSet<>();
                for (ValueEntity value : values(em, id)) {
                    CellKey.parse(value.key()).filter(c -> c.table().equals(cell.table())).ifPresent(c -> rows.add(c.row()));
                }
                if (!rows.contains(cell.row()) && rows.size() >= table.rows().maxRows()) {
                    throw new SubmissionException(INVALID, "В таблице «" + table.code() + "» не больше " + table.rows().maxRows()
                            + " строк / at most " + table.rows().maxRows() + " rows");
                }
            }
        });
    }

    private FormDefinition definition(SubmissionEntity submission) {
        return registry.definition(submission.formId(), submission.formVersion())
                .orElseThrow(() -> new IllegalStateException("form " + submission.formId() + "@" + submission.formVersion() + " is unknown"));
    }

    /** What a save needs of an organisation, looked up once per {@link #ORGANISATION_TTL_MS}: saves come in bursts. */
    private record OrganisationFacts(Organisation organisation, List<RowSpec> units, long expires) {
    }

    static final long ORGANISATION_TTL_MS = 10_000;
    private final Map<String, OrganisationFacts> organisations = new ConcurrentHashMap<>();

    private OrganisationFacts facts(String code) {
        OrganisationFacts cached = organisations.get(code);
        if (cached != null && cached.expires() > System.currentTimeMillis()) {
            return cached;
        }
        OrganisationFacts fresh = new OrganisationFacts(CallerContext.asSystem(() -> catalog.organisation(code).orElse(null)), lookUpUnits(code),
                System.currentTimeMillis() + ORGANISATION_TTL_MS);
        if (organisations.size() > 10_000) {
            organisations.clear();
        }
        if (fresh.organisation() != null) { // an organisation created a moment later must be found at once
            organisations.put(code, fresh);
        }
        return fresh;
    }

    /** The organisation and its branches: the rows of STRUCTURAL_UNIT tables. */
    private List<RowSpec> structuralUnits(String organisationCode) {
        return facts(organisationCode).units();
    }

    private List<RowSpec> lookUpUnits(String organisationCode) {
        return CallerContext.asSystem(() -> {
            List<RowSpec> units = new ArrayList<>();
            Organisation head = catalog.organisation(organisationCode).orElse(null);
            if (head != null) {
                units.add(new RowSpec(head.code(), Text.of(head.shortName())));
                for (String code : new java.util.TreeSet<>(catalog.subtree(organisationCode))) {
                    catalog.organisation(code).filter(o -> organisationCode.equals(o.parentCode()))
                            .ifPresent(branch -> units.add(new RowSpec(branch.code(), Text.of(branch.shortName()))));
                }
            }
            return units;
        });
    }

    private Organisation organisation(String code) {
        return code == null ? null : facts(code).organisation();
    }

    private Summary summary(SubmissionEntity submission) {
        Organisation organisation = organisation(submission.organisationCode());
        return new Summary(submission.id(), submission.period(), submission.formId(), submission.formVersion(),
                submission.organisationCode(), organisation == null ? null : organisation.shortName(), submission.state(),
                submission.completion(), submission.changedAt());
    }


    private static List<ValueEntity> values(EntityManager em, long id) {
        return em.createQuery("SELECT v FROM ValueEntity v WHERE v.submissionId = :id ORDER BY v.key", ValueEntity.class)
                .setParameter("id", id).getResultList();
    }

    /** A submission's events, of one kind (through the (SUBMISSION_ID, KIND) index) or all when {@code kind} is null. */
    private static List<EventEntity> events(EntityManager em, long id, EventEntity.Kind kind) {
        if (kind == null) {
            return em.createQuery("SELECT e FROM EventEntity e WHERE e.submissionId = :id ORDER BY e.id", EventEntity.class)
                    .setParameter("id", id).getResultList();
        }
        return em.createQuery("SELECT e FROM EventEntity e WHERE e.submissionId = :id AND e.kind = :kind ORDER BY e.id", EventEntity.class)
                .setParameter("id", id).setParameter("kind", kind).getResultList();
    }

    private static HistoryEntry entry(EventEntity event) {
        return new HistoryEntry(event.occurredAt(), event.actor(), event.kind().name(), event.key(), event.oldText(), event.newText());
    }

    private static void filter(StringBuilder jpql, Map<String, Object> parameters, String field, String value) {
        if (value != null && !value.isBlank()) {
            jpql.append(" AND s.").append(field).append(" = :").append(field);
            parameters.put(field, value.trim());
        }
    }

    private static Object read(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
