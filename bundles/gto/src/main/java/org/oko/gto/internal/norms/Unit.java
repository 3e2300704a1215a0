package org.oko.gto.internal.norms;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an event's results and thresholds are written, and which way is better. Times are lower-better,
 * everything else higher-better, unless the norms file says otherwise for an event.
 */
public enum Unit {
    /** Seconds with tenths: "6,1", "6.1", "6". */
    SECONDS("s", true),
    /** Minutes and seconds: "7:17"; the order's own "7.17" and "7,17" are read the same way. */
    MINUTES_SECONDS("min:s", true),
    CENTIMETRES("cm", false),
    METRES("m", false),
    KILOMETRES("km", false),
    COUNT("count", false);

    private static final Pattern MINUTES = Pattern.compile("(\\d{1,3})[:.,](\\d{2})(?:[.,](\\d+))?");

    private final String code;
    private final boolean lowerIsBetter;

    Unit(String code, boolean lowerIsBetter) {
        this.code = code;
        this.lowerIsBetter = lowerIsBetter;
    }

    /** As the norms file writes it. */
    public String code() {
        return code;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public static Unit of(String code) {
        for (Unit unit : values()) {
            if (unit.code.equals(code)) {
                return unit;
            }
        }
        return null;
    }

    /**
     * A result or threshold as a number in the unit's base (seconds for both times), or null when the text
     * is not one: "7:17" → 437, "+4" → 4, "6,1" → 6.1. A whole number of minutes:seconds needs its two
     * digits of seconds, so that "7.5" is not taken for 7:05 or 7:50.
     */
    public BigDecimal parse(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Number number && this != MINUTES_SECONDS) {
            return new BigDecimal(number.toString());
        }
        String text = raw.toString().trim().replace('\u2212', '-').replace(" ", "");
        if (text.isEmpty() || text.equals("-")) {
            return null;
        }
        if (this == MINUTES_SECONDS) {
            Matcher m = MINUTES.matcher(text);
            if (!m.matches()) {
                return null;
            }
            int seconds = Integer.parseInt(m.group(2));
            if (seconds >= 60) {
                return null;
            }
            BigDecimal whole = BigDecimal.valueOf(Integer.parseInt(m.group(1)) * 60L + seconds);
            return m.group(3) == null ? whole : whole.add(new BigDecimal("0." + m.group(3)));
        }
        try {
            return new BigDecimal(text.replace(',', '.').replaceFirst("^\\+", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number of the unit's base written back as people read it: 437 → "7:17", 6.1 → "6,1". */
    public String format(BigDecimal value) {
        if (value == null) {
            return "";
        }
        if (this == MINUTES_SECONDS) {
            long seconds = value.longValue();
            BigDecimal fraction = value.subtract(BigDecimal.valueOf(seconds));
            String base = String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
            return fraction.signum() == 0 ? base : base + "," + fraction.stripTrailingZeros().toPlainString().substring(2);
        }
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
