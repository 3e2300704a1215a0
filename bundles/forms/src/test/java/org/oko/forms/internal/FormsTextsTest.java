package org.oko.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oko.forms.internal.FormsTexts.TEXTS;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oko.forms.api.SubmissionState;
import org.oko.forms.internal.submission.Action;
import org.oko.module.testing.TextKeys;

class FormsTextsTest {

    /**
     * A message key in the code: a string literal in one of the bundle's namespaces ("submission.no-file"),
     * except an audit trail's action ("submission.import"), which is a code.
     */
    private static final Pattern KEY = Pattern.compile(
            "(?<!audit\\.record\\(|audited\\()\"((?:form|value|workflow|submission|xlsx|import|audit)(?:\\.[a-z0-9-]+)+)\"");

    @Test
    void everyKeyTheCodeNamesHasItsTextInBothLanguages() throws IOException {
        // submission.value-invalid is a code whose text is the refused value's own (ValueCodec).
        assertEquals(Set.of(), TEXTS.problems());
        assertEquals(Set.of(), TextKeys.missing(java.nio.file.Path.of("src/main/java"), TEXTS.keys(), KEY, "submission.value-invalid"));
    }

    /** Workflow names its actions and states by keys made of the enum constants. */
    @Test
    void everyActionAndStateHasItsName() {
        Set<String> names = new TreeSet<>();
        Stream.of(Action.values()).forEach(action -> names.add("workflow.action." + key(action)));
        Stream.of(SubmissionState.values()).forEach(state -> names.add("workflow.state." + key(state)));
        names.removeAll(TEXTS.keys());
        assertEquals(Set.of(), names);
    }

    private static String key(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
