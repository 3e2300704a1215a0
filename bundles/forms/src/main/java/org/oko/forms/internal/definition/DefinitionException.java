package org.oko.forms.internal.definition;

import java.util.List;

/** A definition that cannot be taken, with every problem found (not just the first). */
public class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public DefinitionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
