package org.oko.platform.api.security;

import static org.oko.platform.api.internal.PlatformApiTexts.TEXTS;

/** The roles of OKO (seed 000 §3). A user may hold several. */
public enum Role {
    /** The regional centre: installs modules, manages everything. */
    ADMINISTRATOR,
    REGIONAL_COORDINATOR,
    /** Read-only, the whole region. */
    MINISTRY_OFFICIAL,
    /** Municipal or ГОО coordinator: manages its schools and their users. */
    FOUNDER_COORDINATOR,
    /** Fills the forms of its school. */
    SCHOOL_COORDINATOR,
    /** Sees only the work assigned to them. */
    EXPERT,
    /** Read-only, what they are assigned. */
    OBSERVER;

    /** The role's name for people, in Russian. */
    public String label() {
        return TEXTS.ru("role." + name());
    }

    /** The role's name for people in a language ("en" gives English, anything else Russian). */
    public String label(String language) {
        return TEXTS.in(language, "role." + name());
    }
}
