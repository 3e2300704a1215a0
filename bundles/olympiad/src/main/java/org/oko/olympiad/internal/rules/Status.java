package org.oko.olympiad.internal.rules;

import java.util.Locale;

/** A participation's status, from the lowest. */
public enum Status {
    PARTICIPANT("participant"), PRIZE_WINNER("prize-winner"), WINNER("winner");

    private final String code;

    Status(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean awarded() {
        return this != PARTICIPANT;
    }

    /** «победитель», «призёр» (or «призер»), «участник», their codes and the usual abbreviations; null for anything else. */
    public static Status read(String written) {
        if (written == null) {
            return null;
        }
        String s = written.trim().toLowerCase(Locale.ROOT).replace('ё', 'е');
        return switch (s) {
            case "победитель", "победит.", "п", "winner" -> WINNER;
            case "призер", "призер.", "пр", "prize-winner", "prizewinner" -> PRIZE_WINNER;
            case "участник", "уч", "уч.", "у", "participant" -> PARTICIPANT;
            default -> null;
        };
    }
}
