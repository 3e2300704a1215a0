package org.oko.catalog.api;

/** City or rural location: analytics compares them separately. */
public enum SettlementType implements Labelled {
    CITY("Городская"),
    RURAL("Сельская");

    private final String label;

    SettlementType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
