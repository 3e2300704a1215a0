package org.oko.platform.api.security;

/** The roles of OKO (seed 000 §3). A user may hold several. */
public enum Role {
    /** The regional centre: installs modules, manages everything. */
    ADMINISTRATOR("Администратор"),
    REGIONAL_COORDINATOR("Региональный координатор"),
    /** Read-only, the whole region. */
    MINISTRY_OFFICIAL("Представитель министерства"),
    /** Municipal or ГОО coordinator: manages its schools and their users. */
    FOUNDER_COORDINATOR("Координатор учредителя"),
    /** Fills the forms of its school. */
    SCHOOL_COORDINATOR("Координатор ОО"),
    /** Sees only the work assigned to them. */
    EXPERT("Эксперт"),
    /** Read-only, what they are assigned. */
    OBSERVER("Наблюдатель");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
