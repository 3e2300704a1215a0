package ${package}.internal;

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
            problems.add("key: латинские буквы, цифры и дефис / letters, digits and hyphens");
        }
        if (version < 1) {
            problems.add("version: от 1 / from 1");
        }
        if (title == null || title.isBlank()) {
            problems.add("title: нужно название / a title is required");
        }
        if (maxScore < 1) {
            problems.add("maxScore: больше 0 / above 0");
        }
        if (passScore < 0 || passScore > maxScore) {
            problems.add("passScore: от 0 до maxScore / from 0 to maxScore");
        }
        return problems;
    }
}
