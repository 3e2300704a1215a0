package org.oko.olympiad.internal.year;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/**
 * How the platform reads an olympiad year: shipped ones under {@code OKO-INF/specs/olympiad.year/}, a
 * region's own published through {@code /api/olympiad/years}. No references: the platform's spec store
 * binds every type, and a type that needed the store back would make a cycle.
 */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + YearType.KIND)
public class YearType extends JsonSpecType<OlympiadYear> {

    public static final String KIND = "olympiad.year";

    public YearType() {
        super(OlympiadYear.class);
    }

    public static OlympiadYear parse(String json) {
        return parse(json, OlympiadYear.class);
    }
}
