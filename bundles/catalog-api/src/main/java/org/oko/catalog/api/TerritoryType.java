package org.oko.catalog.api;

/** The municipal formation a territory is. */
public enum TerritoryType implements Labelled {
    MUNICIPAL_DISTRICT("Муниципальный район"),
    MUNICIPAL_OKRUG("Муниципальный округ"),
    CITY_DISTRICT("Городской округ");

    private final String label;

    TerritoryType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
