package org.oko.catalog.api;

/** What an organisation is; users of every kind belong to some organisation of the catalog. */
public enum OrganisationKind implements Labelled {
    SCHOOL("Образовательная организация"),
    MUNICIPAL_AUTHORITY("Муниципальный орган управления образованием"),
    MINISTRY("Министерство образования"),
    REGIONAL_CENTRE("Региональный центр оценки качества образования"),
    OTHER("Иная организация");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
