package org.oko.forms.api;

import java.util.Arrays;
import java.util.Optional;

/** What an indicator holds; {@link #jsonName()} is how definitions write it. */
public enum IndicatorType {
    INTEGER("integer", true),
    DECIMAL("decimal", true),
    /** A share in per cent, 0 to 100 unless min/max say otherwise. */
    PERCENT("percent", true),
    TEXT("text", false),
    CHOICE("choice", false),
    MULTI_CHOICE("multi-choice", false),
    DATE("date", false),
    BOOLEAN("boolean", false),
    /** An uploaded document; the value is the stored file's reference. */
    FILE("file", false);

    private final String jsonName;
    private final boolean numeric;

    IndicatorType(String jsonName, boolean numeric) {
        this.jsonName = jsonName;
        this.numeric = numeric;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean numeric() {
        return numeric;
    }

    public static Optional<IndicatorType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }
}
