package org.oko.olympiad.internal.year;

import static org.oko.olympiad.internal.OlympiadTexts.TEXTS;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The olympiad years the region has, on the platform's {@link Specs}: the newest version of each. */
@Component(service = Years.class)
public class Years {

    /** Who publishes a year. */
    public static final Role[] PUBLISHERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference
    private Specs specs;

    /** Only to start after the type is registered, so that the platform reads this kind before it is asked for it. */
    @Reference(target = "(" + SpecType.KIND + "=" + YearType.KIND + ")")
    private SpecType type;

    /** The newest version of each year, the latest year first. */
    public List<OlympiadYear> all() {
        return specs.latest(YearType.KIND).stream().map(s -> YearType.parse(s.json()))
                .sorted(Comparator.comparingInt(OlympiadYear::academicYear).reversed()).toList();
    }

    public Optional<OlympiadYear> find(int academicYear) {
        return all().stream().filter(y -> y.academicYear() == academicYear).findFirst();
    }

    /** The year, or 404 naming it. */
    public OlympiadYear of(int academicYear) {
        return find(academicYear).orElseThrow(() -> TEXTS.refusal(ApiException.Kind.NOT_FOUND, "olympiad.no-such-year", String.valueOf(academicYear)));
    }

    /** Publishes a new version of a year (checked; newer than its newest) as the caller. */
    public OlympiadYear publish(String json) {
        CallerContext.require(PUBLISHERS);
        return YearType.parse(specs.publish(YearType.KIND, json).json());
    }
}
