package org.oko.gto.internal.norms;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.oko.platform.api.security.CallerContext;
import org.oko.platform.api.security.Role;
import org.oko.platform.api.specs.SpecType;
import org.oko.platform.api.specs.Specs;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The editions of the norms the region has, on the platform's {@link Specs}: shipped files under
 * {@code OKO-INF/specs/gto.norms/}, the region's own published here. A published version never changes;
 * each test stays judged by the version that judged it.
 */
@Component(service = GtoNorms.class)
public class GtoNorms {

    /** Who publishes an edition of the norms. */
    public static final Role[] PUBLISHERS = {Role.ADMINISTRATOR, Role.REGIONAL_COORDINATOR};

    @Reference
    private Specs specs;

    /** Only to start after the type is registered, so that the platform reads this kind before it is asked for it. */
    @Reference(target = "(" + SpecType.KIND + "=" + NormsType.KIND + ")")
    private SpecType type;

    /** The newest version of each edition, the latest in force first. */
    public List<Norms> editions() {
        return specs.latest(NormsType.KIND).stream().map(s -> NormsType.parse(s.json()))
                .sorted(Comparator.comparing(Norms::validFromDate).reversed().thenComparing(Norms::key)).toList();
    }

    /** The version of an edition that judged a test ("federal-2023 v1"). */
    public Optional<Norms> judged(String edition) {
        int at = edition == null ? -1 : edition.lastIndexOf(" v");
        if (at < 0) {
            return Optional.empty();
        }
        try {
            return specs.version(NormsType.KIND, edition.substring(0, at), Integer.parseInt(edition.substring(at + 2)))
                    .map(s -> NormsType.parse(s.json()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Publishes a new version of an edition (checked; newer than its newest) as the caller. */
    public Norms publish(String json) {
        CallerContext.require(PUBLISHERS);
        return NormsType.parse(specs.publish(NormsType.KIND, json).json());
    }
}
