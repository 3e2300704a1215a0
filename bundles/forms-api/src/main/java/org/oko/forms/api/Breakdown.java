package org.oko.forms.api;

import java.util.List;

/**
 * Row lists that many forms share (разрезы). A table whose rows are a breakdown gets them from
 * here, so that every form spells them alike and analytics can join across forms.
 */
public enum Breakdown {
    /** Grades 1 to 11: row keys "1" … "11". */
    GRADES,
    /** НОО, ООО, СОО: row keys "noo", "ooo", "soo". */
    PROGRAMME_LEVEL,
    /** очная, очно-заочная, заочная: row keys "full_time", "part_time", "distance". */
    STUDY_FORM,
    /** The organisation and each of its branches: row keys are catalog codes, known per organisation. */
    STRUCTURAL_UNIT;

    /** The fixed rows of this breakdown; empty for {@link #STRUCTURAL_UNIT}, whose rows come from the catalog. */
    public List<RowSpec> rows() {
        return switch (this) {
            case GRADES -> java.util.stream.IntStream.rangeClosed(1, 11)
                    .mapToObj(g -> new RowSpec(String.valueOf(g), ApiTexts.text("breakdown.grade", g))).toList();
            case PROGRAMME_LEVEL -> List.of(
                    new RowSpec("noo", ApiTexts.text("breakdown.noo")),
                    new RowSpec("ooo", ApiTexts.text("breakdown.ooo")),
                    new RowSpec("soo", ApiTexts.text("breakdown.soo")));
            case STUDY_FORM -> List.of(
                    new RowSpec("full_time", ApiTexts.text("breakdown.full-time")),
                    new RowSpec("part_time", ApiTexts.text("breakdown.part-time")),
                    new RowSpec("distance", ApiTexts.text("breakdown.distance")));
            case STRUCTURAL_UNIT -> List.of();
        };
    }
}
