package org.oko.catalog.api;

/** General education levels a school offers. */
public enum EducationLevel implements Labelled {
    /** Начальное общее образование, grades 1–4. */
    NOO("НОО"),
    /** Основное общее образование, grades 5–9. */
    OOO("ООО"),
    /** Среднее общее образование, grades 10–11. */
    SOO("СОО");

    private final String label;

    EducationLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
