package org.oko.gto.internal.norms;

/** A badge's level, from the lowest; an event's result reaches one of them or none. */
public enum Level {
    BRONZE, SILVER, GOLD;

    /** As the norms file names it: "bronze", "silver", "gold". */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
