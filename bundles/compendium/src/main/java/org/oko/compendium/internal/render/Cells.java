package org.oko.compendium.internal.render;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.oko.platform.api.rest.ApiMessage;

/** A cell as people read it: "1 234" and "72,5" in Russian, "1,234" and "72.5" in English, a dash for nothing. */
public final class Cells {

    public static final String DASH = "—";
    /** Dates as the UI writes them, dd.MM.yyyy, in the region's zone (the server's). */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(ZoneId.systemDefault());

    private Cells() {
    }

    public static String text(Object value, String language) {
        if (value == null) {
            return DASH;
        }
        if (value instanceof ApiMessage message) {
            return message.in(language);
        }
        if (value instanceof Number number) {
            BigDecimal decimal = number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
            DecimalFormat format = new DecimalFormat(decimal.scale() > 0 ? "#,##0." + "0".repeat(Math.min(decimal.scale(), 4)) : "#,##0",
                    symbols(language));
            return format.format(decimal);
        }
        return String.valueOf(value);
    }

    public static String text(ApiMessage message, String language) {
        return message == null ? "" : message.in(language);
    }

    private static DecimalFormatSymbols symbols(String language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if ("en".equals(language)) {
            symbols.setGroupingSeparator(',');
            symbols.setDecimalSeparator('.');
        } else {
            symbols.setGroupingSeparator('\u00a0'); // a no-break space, as Russian typesetting groups digits
            symbols.setDecimalSeparator(',');
        }
        return symbols;
    }
}
