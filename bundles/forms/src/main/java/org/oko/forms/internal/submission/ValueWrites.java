package org.oko.forms.internal.submission;

import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.FlushModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.Rows;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.forms.internal.submission.SubmissionService.View;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;

/**
 * The save path: one value of a submission (or a warning's explanation) written after the caller's
 * right, the workflow and the value's revision are checked, in the transaction that locked the
 * submission; the first change starts the work. A file indicator writes through {@link #store} too.
 */
final class ValueWrites {

    private final JpaTemplate jpa;
    private final SubmissionAccess access;
    private final SubmissionViews views;

    ValueWrites(JpaTemplate jpa, SubmissionAccess access, SubmissionViews views) {
        this.jpa = jpa;
        this.access = access;
        this.views = views;
    }

    /**
     * Saves one value. {@code expectedRevision} is the revision the client started from (0 for an empty
     * value); another person's newer save answers a conflict with their value, and nothing is overwritten.
     */
    public View saveValue(long id, String key, Object raw, int expectedRevision) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, Action.EDIT, caller);
            FormDefinition definition = access.definition(submission);
            List<RowSpec> units = access.structuralUnits(submission.organisationCode());
            Indicator indicator = ValueKeys.input(definition, key, units);
            if (views.calculatedKeys(definition, units).contains(key)) {
                throw new SubmissionException(INVALID, "submission.calculated-by-form", "«" + key + "» рассчитывает модуль формы, его не вводят", "calculated by the form's module, not typed").withField(key);
            }
            ValueCodec.Decoded decoded = ValueCodec.decode(indicator, raw);
            if (!decoded.ok()) {
                throw new SubmissionException(INVALID, "submission.value-invalid", decoded.error().ru(), decoded.error().in("en")).withField(key);
            }
            if (indicator.type() == IndicatorType.FILE && decoded.value() != null) {
                throw new SubmissionException(INVALID, "submission.upload-file-itself", "Файл загружается отдельно: PUT …/files/" + key, "upload the file itself").withField(key);
            }
            ValueEntity value = store(em, submission, decision, caller, definition, key, decoded.value(), expectedRevision);
            if (indicator.type() == IndicatorType.FILE) {
                em.createQuery("DELETE FROM ValueFileEntity f WHERE f.valueId = :v").setParameter("v", value.id()).executeUpdate();
            }
            return finish(em, submission, caller);
        });
    }

    /** Writes a decoded value after the revision check; the first change starts the work. */
    ValueEntity store(EntityManager em, SubmissionEntity submission, Workflow.Decision decision, Caller caller,
                              FormDefinition definition, String key, Object decoded, int expectedRevision) {
        long id = submission.id();
        ValueEntity value = Stored.value(em, id, key);
        int current = value == null ? 0 : value.revision();
        if (current != expectedRevision) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("key", key);
            details.put("currentValue", value == null ? null : Stored.read(value.json()));
            details.put("currentRevision", current);
            details.put("changedBy", value == null ? null : value.changedBy());
            details.put("changedAt", value == null ? null : value.changedAt().toString());
            throw new SubmissionException(CONFLICT, "submission.value-conflict", "Значение уже изменил другой пользователь (" + (value == null ? "—" : value.changedBy()) + "); обновите и проверьте", "someone else changed this value", details).withField(key);
        }
        if (value == null) {
            checkOpenRowLimit(em, definition, id, key);
        }
        value = Stored.record(em, id, key, value, Stored.write(ValueCodec.encode(decoded)), caller);
        if (decision.next() != submission.state()) {
            Stored.transition(em, submission, decision.next(), caller, null);
        }
        return value;
    }

    View finish(EntityManager em, SubmissionEntity submission, Caller caller) {
        submission.touch(caller.login());
        // The writes go to the database once; the view's reads then need no flush each (EclipseLink would
        // otherwise compare every object of the unit of work before each of its queries).
        em.flush();
        FlushModeType mode = em.getFlushMode();
        em.setFlushMode(FlushModeType.COMMIT);
        View view;
        try {
            view = views.view(em, submission, caller);
        } finally {
            em.setFlushMode(mode); // an outer transaction sharing this entity manager keeps its own mode
        }
        submission.completion(view.submission().completion());
        return view;
    }

    /** The school's explanation of a warning (a warning needs one before the form can be submitted). */
    public View explain(long id, String ruleId, String text) {
        Caller caller = CallerContext.require(Role.SCHOOL_COORDINATOR);
        if (text == null || text.isBlank() || text.length() > 2000) {
            throw new SubmissionException(INVALID, "submission.explanation-characters", "Пояснение: от 1 до 2000 знаков", "explanation of 1 to 2000 characters");
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            access.decide(submission, Action.EDIT, caller);
            if (access.definition(submission).rules().stream().noneMatch(r -> r.id().equals(ruleId) && r.severity() == Severity.WARNING)) {
                throw new SubmissionException(INVALID, "submission.no-such-warning", "Нет предупреждения «" + ruleId + "» в форме", "no such warning");
            }
            em.persist(new EventEntity(id, caller.login(), EventEntity.Kind.EXPLANATION, ruleId, null, text.trim()));
            return views.view(em, submission, caller);
        });
    }

    private void checkOpenRowLimit(EntityManager em, FormDefinition definition, long id, String key) {
        CellKey.parse(key).ifPresent(cell -> {
            if (definition.item(cell.table()).orElse(null) instanceof Table table && table.rows().kind() == Rows.Kind.OPEN
                    && table.rows().maxRows() != null) {
                Set<String> rows = new java.util.HashSet<>();
                for (ValueEntity value : Stored.values(em, id)) {
                    CellKey.parse(value.key()).filter(c -> c.table().equals(cell.table())).ifPresent(c -> rows.add(c.row()));
                }
                if (!rows.contains(cell.row()) && rows.size() >= table.rows().maxRows()) {
                    throw new SubmissionException(INVALID, "submission.at-most-rows", "В таблице «" + table.code() + "» не больше " + table.rows().maxRows() + " строк", "at most " + table.rows().maxRows() + " rows");
                }
            }
        });
    }
}
