package org.oko.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.internal.submission.Action;

class FormsTextsTest {

    /** A message key in the code: a string literal in one of the bundle's namespaces ("submission.no-file"). */
    private static final Pattern KEY = Pattern.compile("\"((?:form|value|workflow|submission|xlsx|import|audit)(?:\\.[a-z0-9-]+)+)\"");

    /** An audit trail's action ("submission.import") is a code, not a message key. */
    private static final Pattern AUDIT_ACTION = Pattern.compile(".*audit(ed|\\.record)\\(\".*");

    /** Codes of refusals whose text is another's: a refused value's own check (ValueCodec). */
    private static final Set<String> CODES_ONLY = Set.of("submission.value-invalid");

    @Test
    void everyTextIsInBothLanguages() {
        assertEquals(Set.of(), TEXTS.problems());
    }

    @Test
    void everyKeyTheCodeUsesHasItsText() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Files.readAllLines(file).stream().filter(line -> !AUDIT_ACTION.matcher(line).matches())
                        .forEach(line -> KEY.matcher(line).results().forEach(m -> used.add(m.group(1))));
            }
        }
        Stream.of(Action.values()).forEach(a -> used.add("workflow.action." + name(a)));
        Stream.of(SubmissionState.values()).forEach(s -> used.add("workflow.state." + name(s)));
        used.removeAll(TEXTS.keys());
        used.removeAll(CODES_ONLY);
        assertEquals(Set.of(), used, "keys without a text");
    }

    private static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
