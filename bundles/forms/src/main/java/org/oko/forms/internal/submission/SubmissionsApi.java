package org.oko.forms.internal.submission;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.oko.forms.api.SubmissionRefusedException;
import org.oko.forms.api.Submissions;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The exported {@link Submissions} service: the submission service behind it, with refusals in API terms. */
@Component(service = Submissions.class)
public class SubmissionsApi implements Submissions {

    @Reference
    private SubmissionService service;

    @Override
    public List<Status> statuses(String period, String formId) {
        return call(() -> service.statuses(period, formId));
    }

    @Override
    public Map<String, Map<String, Object>> values(String period, String formId) {
        return call(() -> service.values(period, formId));
    }

    @Override
    public Map<String, Map<String, Object>> values(String period, String formId, Set<String> keys) {
        return call(() -> service.values(period, formId, keys));
    }

    @Override
    public String changes(String period, String formId) {
        return call(() -> service.changes(period, formId));
    }

    @Override
    public List<Outcome> assign(String period, String formId, Collection<String> organisationCodes) {
        return call(() -> service.assignAll(period, formId, organisationCodes));
    }

    @Override
    public List<Outcome> withdraw(String period, String formId, Collection<String> organisationCodes) {
        return call(() -> service.withdrawAll(period, formId, organisationCodes));
    }

    @Override
    public int save(long id, String key, Object value, int expectedRevision) {
        return call(() -> service.saveValue(id, key, value, expectedRevision).values().get(key).revision());
    }

    @Override
    public void submit(long id) {
        call(() -> service.submit(id));
    }

    @Override
    public void sendBack(long id, String comment) {
        call(() -> service.sendBack(id, comment, null));
    }

    @Override
    public void verify(long id) {
        call(() -> service.verify(id));
    }

    @Override
    public void confirm(long id, String fileName, String contentType, byte[] content) {
        call(() -> service.confirm(id, fileName, contentType, content));
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (SubmissionException e) {
            throw new SubmissionRefusedException(SubmissionRefusedException.Reason.valueOf(e.kind().name()), e);
        }
    }
}
