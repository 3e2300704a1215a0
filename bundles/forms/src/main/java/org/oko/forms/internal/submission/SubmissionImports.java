package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;
import static org.oko.forms.internal.submission.SubmissionException.Kind.CONFLICT;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.FormImporter;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.ReportContributor;
import org.oko.forms.api.RowSpec;
import org.oko.forms.internal.eval.ValueCodec;
import org.oko.forms.internal.submission.SubmissionService.Contribution;
import org.oko.forms.internal.submission.SubmissionService.Imported;
import org.oko.forms.internal.submission.SubmissionService.Summary;
import org.oko.forms.internal.submission.SubmissionService.View;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The form modules' importers (a file read into values, all or nothing) and report contributors (extra sheets of an export). */
final class SubmissionImports {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionImports.class);

    private final JpaTemplate jpa;
    private final SubmissionAccess access;
    private final SubmissionViews views;
    private final Whiteboard whiteboard;

    SubmissionImports(JpaTemplate jpa, SubmissionAccess access, SubmissionViews views, Whiteboard whiteboard) {
        this.jpa = jpa;
        this.access = access;
        this.views = views;
        this.whiteboard = whiteboard;
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
            SubmissionEntity submission = access.visible(em, id, caller, false);
            access.decide(submission, Action.EDIT, caller);
            FormImporter importer = importerId == null ? null : whiteboard.importers(submission.formId()).get(importerId);
            if (importer == null) {
                throw SubmissionException.of(INVALID, "submission.no-such-importer", importerId, submission.formId());
            }
            return new ImportTarget(access.definition(submission), submission.organisationCode(), access.structuralUnits(submission.organisationCode()), importer);
        });
        SubmissionFiles.checkedSize(content);
        if (since == null) {
            throw SubmissionException.of(INVALID, "submission.since-form-changedat");
        }
        FormImporter.Result result;
        try {
            result = target.importer().read(target.definition(), target.organisationCode(), fileName, content);
        } catch (RuntimeException e) {
            LOG.error("Importer {} of form {} failed on {} ({} bytes) for submission {}", importerId, target.definition().key(), fileName,
                    content.length, id, e);
            throw SubmissionException.of(INVALID, "submission.importer-could-not", SubmissionViews.title(importerId, target.importer()).ru());
        }
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, Action.EDIT, caller);
            if (submission.changedAt() != null && submission.changedAt().isAfter(since)) {
                // Values typed meanwhile by a colleague would be overwritten unseen.
                throw SubmissionException.of(CONFLICT, "submission.form-changed-since", submission.changedBy());
            }
            if (submission.formVersion() != target.definition().version()) {
                throw SubmissionException.of(CONFLICT, "submission.submission-moved-another");
            }
            Map<String, ValueEntity> stored = new HashMap<>();
            Stored.values(em, id).forEach(v -> stored.put(v.key(), v));
            ImportCheck.Checked checked = ImportCheck.check(target.definition(), target.units(),
                    views.calculatedKeys(target.definition(), target.units()), stored.keySet(), result);
            if (!checked.problems().isEmpty()) {
                throw SubmissionException.of(INVALID, "submission.file-was-not", checked.problems().size()).withDetails(Map.of("problems", checked.problems()));
            }
            int changed = 0;
            for (Map.Entry<String, Object> entry : checked.values().entrySet()) {
                String json = Stored.write(ValueCodec.encode(entry.getValue()));
                ValueEntity value = stored.get(entry.getKey());
                if (value != null && json.equals(value.json()) || value == null && entry.getValue() == null) {
                    continue; // unchanged: no revision, no history
                }
                Stored.record(em, id, entry.getKey(), value, json, caller);
                changed++;
            }
            if (changed > 0) {
                if (decision.next() != submission.state()) {
                    Stored.transition(em, submission, decision.next(), caller, null);
                }
                submission.touch(caller.login());
            }
            LOG.info("Submission {} ({} of {}): {} values imported by {} with {} from {}", id, submission.formId(), submission.organisationCode(),
                    changed, caller.login(), importerId, fileName);
            View view = views.view(em, submission, caller);
            submission.completion(view.submission().completion());
            return new Imported(changed, view);
        });
    }

    /**
     * The extra sheets of the form's report contributors for an export of these views (which the
     * caller may see); contributors run as the caller. A failing one gives a failure, not a sheet.
     */
    public List<Contribution> contributions(FormDefinition definition, List<View> views) {
        CallerContext.require(SubmissionService.VIEWERS);
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
                Indicator indicator = SubmissionViews.indicatorOf(definition, key);
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
                    contributions.add(new Contribution(module, null, TEXTS.ru("xlsx.module-sheet-too-long", module, ReportContributor.MAX_ROWS)));
                } else {
                    contributions.add(new Contribution(module, sheet, null));
                }
            } catch (RuntimeException e) {
                LOG.error("Report contributor {} of form {} failed", module, definition.key(), e);
                contributions.add(new Contribution(module, null, TEXTS.ru("xlsx.module-sheet-failed", module)));
            }
        }
        return contributions;
    }

    /** The bundle a service comes from, as people see modules; its class if it has none. */
    private static String moduleOf(Object service) {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(service.getClass());
        return bundle == null ? service.getClass().getName() : bundle.getSymbolicName();
    }
}
