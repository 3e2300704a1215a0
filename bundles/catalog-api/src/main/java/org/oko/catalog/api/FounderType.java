package org.oko.catalog.api;

/** Who founded a school: decides who supervises it (municipal authority, the ministry, or the centre directly). */
public enum FounderType implements Labelled {
    MUNICIPAL("Муниципальная"),
    STATE("Государственная (ГОО)"),
    FEDERAL("Федеральная"),
    PRIVATE("Частная");

    private final String label;

    FounderType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
