package org.oko.forms.internal.submission;

import static org.oko.forms.internal.FormsTexts.TEXTS;
import static org.oko.forms.internal.submission.SubmissionException.Kind.INVALID;
import static org.oko.forms.internal.submission.SubmissionException.Kind.TOO_LARGE;


import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.platform.api.rest.ApiException;
import org.oko.forms.api.FormDefinition;
import org.oko.forms.api.Indicator;
import org.oko.forms.api.IndicatorType;
import org.oko.forms.internal.submission.SubmissionService.FileContent;
import org.oko.forms.internal.submission.SubmissionService.View;
import org.oko.platform.api.security.Caller;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;

/** Files of a submission: a file indicator's file and the founder's letter, each checked by its bytes, at most 10 MB. */
final class SubmissionFiles {

    private final JpaTemplate jpa;
    private final SubmissionAccess access;
    private final SubmissionViews views;
    private final ValueWrites writes;

    SubmissionFiles(JpaTemplate jpa, SubmissionAccess access, SubmissionViews views, ValueWrites writes) {
        this.jpa = jpa;
        this.access = access;
        this.views = views;
        this.writes = writes;
    }

    public FileContent letter(long id) {
        Caller caller = CallerContext.require(SubmissionService.VIEWERS);
        return jpa.txExpr(em -> {
            access.visible(em, id, caller, false);
            LetterEntity letter = em.find(LetterEntity.class, id);
            if (letter == null) {
                throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "submission.no-letter");
            }
            return Stored.content(letter.file());
        });
    }

    /** The file behind a file indicator's value. */
    public FileContent file(long id, String key) {
        Caller caller = CallerContext.require(SubmissionService.VIEWERS);
        return jpa.txExpr(em -> {
            access.visible(em, id, caller, false);
            ValueEntity value = Stored.value(em, id, key);
            ValueFileEntity file = value == null ? null : em.find(ValueFileEntity.class, value.id());
            if (file == null) {
                throw TEXTS.refusal(ApiException.Kind.NOT_FOUND, "submission.no-file");
            }
            return Stored.content(file.file());
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
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, Action.EDIT, caller);
            FormDefinition definition = access.definition(submission);
            Indicator indicator = ValueKeys.input(definition, key, access.structuralUnits(submission.organisationCode()));
            if (indicator.type() != IndicatorType.FILE) {
                throw SubmissionException.of(INVALID, "submission.not-file-indicator", key);
            }
            String detected = checkedAttachment(contentType, content);
            String name = FileTypes.safeName(fileName, key.replaceAll("[^\\p{L}\\p{N}_-]", "_") + FileTypes.extension(detected));
            String sha256 = Stored.sha256(content);
            ValueEntity value = writes.store(em, submission, decision, caller, definition, key, name + " (" + sha256.substring(0, 12) + ")", expectedRevision);
            ValueFileEntity file = em.find(ValueFileEntity.class, value.id());
            if (file == null) {
                file = new ValueFileEntity(value.id(), id);
                em.persist(file);
            }
            file.set(new StoredFile(name, detected, content, sha256, caller.login()));
            return writes.finish(em, submission, caller);
        });
    }

    /** Confirms with the founder's letter: a PDF, JPEG or PNG (checked by its first bytes), at most 10 MB. */
    public View confirm(long id, String fileName, String contentType, byte[] content) {
        Caller caller = CallerContext.require(SubmissionService.READERS);
        if (content == null || content.length == 0) {
            throw SubmissionException.of(INVALID, "submission.letter-empty");
        }
        if (content.length > SubmissionService.MAX_FILE_BYTES) {
            throw SubmissionException.of(TOO_LARGE, "submission.letter-larger-than");
        }
        String detected = FileTypes.detect(content);
        if (detected == null || !detected.equals(FileTypes.normalise(contentType))) {
            throw SubmissionException.of(INVALID, "submission.letter-must-pdf");
        }
        String name = FileTypes.safeName(fileName, "letter" + FileTypes.extension(detected));
        return jpa.txExpr(em -> {
            SubmissionEntity submission = access.visible(em, id, caller, true);
            Workflow.Decision decision = access.decide(submission, Action.CONFIRM, caller);
            LetterEntity letter = em.find(LetterEntity.class, id);
            if (letter == null) {
                letter = new LetterEntity(id);
                em.persist(letter);
            }
            letter.set(new StoredFile(name, detected, content, Stored.sha256(content), caller.login()));
            Stored.transition(em, submission, decision.next(), caller, TEXTS.ru("submission.letter-event", name, content.length));
            return views.view(em, submission, caller);
        });
    }

    /** The type of an acceptable file indicator upload, or a refusal saying what is accepted. */
    private static String checkedAttachment(String contentType, byte[] content) {
        checkedSize(content);
        String detected = FileTypes.detectAttachment(content);
        String declared = FileTypes.normalise(contentType);
        if (detected == null || declared != null && !declared.equals("application/octet-stream") && !declared.equals(detected)) {
            throw SubmissionException.of(INVALID, "submission.file-must-pdf");
        }
        return detected;
    }

    /** An upload is neither empty nor over 10 MB. */
    static void checkedSize(byte[] content) {
        if (content == null || content.length == 0) {
            throw SubmissionException.of(INVALID, "submission.file-empty");
        }
        if (content.length > SubmissionService.MAX_FILE_BYTES) {
            throw SubmissionException.of(TOO_LARGE, "submission.file-larger-than");
        }
    }
}
