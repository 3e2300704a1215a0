package org.oko.catalog.api;

/** Closed organisations stay in the catalog so that past campaigns still show them. */
public enum OrganisationStatus implements Labelled {
    ACTIVE("Действующая"),
    CLOSED("Закрыта");

    private final String label;

    OrganisationStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
