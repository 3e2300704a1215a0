package org.oko.forms.internal.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.oko.catalog.api.Organisation;
import org.oko.forms.api.CellKey;
import org.oko.forms.api.FormCalculator;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.FormValidator;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.RowSpec;
import org.oko.forms.api.SectionItem;
import org.oko.forms.api.Severity;
import org.oko.forms.api.Table;
import org.oko.forms.api.Text;
import org.oko.forms.api.ValidationMessage;
import org.oko.forms.internal.FormsTexts;
import org.oko.forms.internal.eval.Evaluation;
import org.oko.forms.internal.eval.FormEvaluator;
import org.oko.forms.internal.eval.Reads;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.forms.internal.registry.FormRegistryImpl;
import org.oko.forms.internal.submission.SubmissionService.ImporterInfo;
import org.oko.forms.internal.submission.SubmissionService.Summary;
import org.oko.forms.internal.submission.SubmissionService.ValueView;
import org.oko.forms.internal.submission.SubmissionService.View;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A submission as people see it: its values decoded, the form evaluated (computed values, rules,
 * completion), the modules' calculators and validators heard, explanations and return comments,
 * and the actions the caller may take. Reads never write.
 */
final class SubmissionViews {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionViews.class);

    private final SubmissionAccess access;
    private final Snapshots snapshots;
    private final FormRegistryImpl registry;
    private final Whiteboard whiteboard;
    private final FormEvaluator evaluator = new FormEvaluator();
    /** Calculator keys already reported as no input of their form: logged once, not on every read. */
    private final Set<String> reportedKeys = ConcurrentHashMap.newKeySet();

    SubmissionViews(SubmissionAccess access, Snapshots snapshots, FormRegistryImpl registry, Whiteboard whiteboard) {
        this.access = access;
        this.snapshots = snapshots;
        this.registry = registry;
        this.whiteboard = whiteboard;
    }

    /** The whole submission as a write transaction left it (its changes flushed), read again. */
    View view(EntityManager em, SubmissionEntity submission, Caller caller) {
        return view(snapshots.read(em, submission), caller);
    }

    /**
     * What evaluating a submission of one form version and organisation needs besides its values, looked up once
     * per request and passed on: the definition, the organisation (null when the catalog does not know it), its
     * structural units, and the input keys each of the form's calculators provides, with their indicators.
     */
    record Context(FormDefinition definition, Organisation organisation, List<RowSpec> units,
                   Map<FormCalculator, Map<String, Indicator>> provided) {

        /** Keys the form's calculators fill: nobody may save or import them. */
        Set<String> calculatedKeys() {
            return keysOf(provided);
        }
    }

    private static Set<String> keysOf(Map<FormCalculator, Map<String, Indicator>> provided) {
        Set<String> keys = new HashSet<>();
        provided.values().forEach(indicators -> keys.addAll(indicators.keySet()));
        return keys;
    }

    /** The context of a submission of {@code formId@formVersion} of an organisation. */
    Context context(String formId, int formVersion, String organisationCode) {
        FormDefinition definition = access.definition(formId, formVersion);
        List<RowSpec> units = access.structuralUnits(organisationCode);
        return new Context(definition, access.organisation(organisationCode), units, provided(definition, units));
    }

    /** The whole submission as the screen shows it, evaluated: values, computed ones, messages, what the caller may do. */
    View view(Snapshot submission, Caller caller) {
        return view(submission, caller, context(submission.formId(), submission.formVersion(), submission.organisationCode()));
    }

    /** As {@link #view(Snapshot, Caller)}, in a context the caller looked up already (a save's). */
    View view(Snapshot submission, Caller caller, Context context) {
        FormDefinition definition = context.definition();
        List<RowSpec> units = context.units();
        Map<String, Object> typed = submission.typed();
        List<ValidationMessage> calculatorMessages = new ArrayList<>();
        Map<String, Object> calculated = calculate(context, submission, typed, calculatorMessages);
        // A value typed before its calculator came waits in the database.
        Map<String, ValueView> values = new ValueViews(submission.values(), calculated.keySet());
        Evaluation evaluation = evaluator.evaluate(definition, typed, units);
        List<ValidationMessage> messages = new ArrayList<>(evaluation.messages());
        messages.addAll(calculatorMessages);
        for (FormValidator validator : whiteboard.validators(definition.id())) {
            try {
                messages.addAll(validator.validate(definition, Map.copyOf(typed)));
            } catch (RuntimeException e) {
                LOG.error("Validator {} of form {} failed", validator.getClass().getName(), definition.id(), e);
                messages.add(new ValidationMessage(null, Severity.ERROR, FormsTexts.text("submission.module-check-failed"), "validator"));
            }
        }
        Map<String, Object> computed = new LinkedHashMap<>();
        evaluation.computed().forEach((key, value) -> computed.put(key, ValueCodec.encode(value)));
        calculated.forEach((key, value) -> computed.put(key, ValueCodec.encode(value)));
        // Reads never write: the stored completion (for lists) is updated by the saves that change it.
        Organisation organisation = context.organisation();
        Summary summary = new Summary(submission.id(), submission.period(), submission.formId(), submission.formVersion(),
                submission.organisationCode(), organisation == null ? null : organisation.shortName(), submission.state(),
                evaluation.completionPercent(), submission.changedAt());
        Set<Action> actions = Workflow.allowed(submission.state(), access.parties(caller, organisation));
        List<ImporterInfo> importers = new ArrayList<>();
        whiteboard.importers(definition.id()).forEach((importerId, importer) -> importers.add(new ImporterInfo(importerId, title(importerId, importer))));
        return new View(summary, registry.isAvailable(submission.formId(), submission.formVersion()), values, computed,
                Set.copyOf(calculated.keySet()), evaluation.hidden(), messages, submission.explanations(), submission.returnComments(),
                units, actions, submission.letter(), importers);
    }

    /**
     * A submission's values as the view has them — typed values, then computed ones and those of calculators — without
     * messages, completion or actions: what a region's analytics reads from every school.
     */
    Map<String, Object> values(Snapshot submission) {
        return values(submission, null);
    }

    /**
     * What must be read to answer {@code keys} of a form version ({@link Reads}); keys its calculators provide are
     * not (they are asked whatever the organisation's structural units: a calculator naming a unit's cell is rare).
     */
    Reads reads(FormDefinition definition, Set<String> keys) {
        return evaluator.reads(definition, keys, calculatedKeys(definition, List.of()));
    }

    /**
     * As {@link #values(Snapshot)}, with only the computed values {@code reads} names evaluated (null: all); the
     * snapshot then needs to hold only what {@code reads} covers.
     */
    Map<String, Object> values(Snapshot submission, Reads reads) {
        Context context = context(submission.formId(), submission.formVersion(), submission.organisationCode());
        FormDefinition definition = context.definition();
        List<RowSpec> units = context.units();
        Map<String, Object> values = new java.util.HashMap<>();
        submission.values().forEach((key, value) -> values.put(key, value.raw()));
        Map<String, Object> typed = submission.typed();
        Map<String, Object> calculated = calculate(context, submission, typed, new ArrayList<>());
        values.keySet().removeAll(calculated.keySet());
        (reads == null ? evaluator.computed(definition, typed, units) : evaluator.computed(definition, typed, units, reads))
                .forEach((key, value) -> values.put(key, ValueCodec.encode(value)));
        calculated.forEach((key, value) -> values.put(key, ValueCodec.encode(value)));
        return values;
    }

    /**
     * Fills the keys the form's calculators provide into {@code typed} (replacing what was typed
     * there) and answers them: key → typed value (null: no value). Calculators see the values typed
     * in and run as the system; a failing one adds an error message and fills nothing.
     */
    private Map<String, Object> calculate(Context context, Snapshot submission, Map<String, Object> typed, List<ValidationMessage> messages) {
        Map<FormCalculator, Map<String, Indicator>> provided = context.provided();
        if (provided.isEmpty()) {
            return Map.of();
        }
        FormDefinition definition = context.definition();
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
                messages.add(new ValidationMessage(null, Severity.ERROR, FormsTexts.text("submission.module-calculation-failed"), "calculator"));
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
                    messages.add(new ValidationMessage(key, Severity.ERROR, FormsTexts.text("submission.module-unfit-value"), "calculator"));
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
    Set<String> calculatedKeys(FormDefinition definition, List<RowSpec> units) {
        return keysOf(provided(definition, units));
    }

    /** Each of the form's calculators with the input keys it provides (none for a calculator failing to name them). */
    private Map<FormCalculator, Map<String, Indicator>> provided(FormDefinition definition, List<RowSpec> units) {
        List<FormCalculator> calculators = whiteboard.calculators(definition.id());
        if (calculators.isEmpty()) {
            return Map.of();
        }
        Map<FormCalculator, Map<String, Indicator>> provided = new LinkedHashMap<>();
        for (FormCalculator calculator : calculators) {
            provided.put(calculator, provided(calculator, definition, units));
        }
        return provided;
    }

    private void warnOnce(FormCalculator calculator, FormDefinition definition, String key, String what) {
        if (reportedKeys.size() < 10_000 && reportedKeys.add(calculator.getClass().getName() + " " + definition.key() + " " + key)) {
            LOG.warn("Calculator {} of form {} {}: {} (ignored)", calculator.getClass().getName(), definition.key(), what, key);
        }
    }

    static Text title(String importerId, FormImporter importer) {
        try {
            Text title = importer.title();
            return title == null ? Text.of(importerId) : title;
        } catch (RuntimeException e) {
            LOG.error("Importer {} failed to give its title", importerId, e);
            return Text.of(importerId);
        }
    }

    static Indicator indicatorOf(FormDefinition definition, String key) {
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
}
