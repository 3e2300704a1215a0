package ${package}.internal;

import static ${package}.internal.ModuleTexts.TEXTS;

import java.util.ArrayList;
import java.util.List;

import org.oko.platform.api.specs.JsonSpecType;

/**
 * What one round of the procedure is scored against, as the centre publishes it (a spec of kind
 * {@value SpecKind#KIND}, versioned by the platform). Add the fields your procedure needs: the
 * shipped files in {@code OKO-INF/specs/${moduleId}.spec/} and this record change together.
 *
 * @param key       which round: {@code 2026}
 * @param version   1, 2, …: a published version never changes, a correction is a new one
 * @param title     for people
 * @param maxScore  the highest score a participant can get
 * @param passScore the score from which a participant has passed
 */
public record Spec(String key, int version, String title, int maxScore, int passScore) implements JsonSpecType.Checked {

    /** Why the spec cannot be published; empty when it can. */
    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[A-Za-z0-9-]{1,40}")) {
            problems.add(problem("key", "${moduleId}.spec.key"));
        }
        if (version < 1) {
            problems.add(problem("version", "${moduleId}.spec.version"));
        }
        if (title == null || title.isBlank()) {
            problems.add(problem("title", "${moduleId}.spec.title"));
        }
        if (maxScore < 1) {
            problems.add(problem("maxScore", "${moduleId}.spec.max-score"));
        }
        if (passScore < 0 || passScore > maxScore) {
            problems.add(problem("passScore", "${moduleId}.spec.pass-score"));
        }
        return problems;
    }

    /** A problem of a field in both languages: "version: от 1 / from 1". */
    private static String problem(String field, String key) {
        return field + ": " + TEXTS.text(key).joined();
    }
}
