package org.oko.gto.internal.norms;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/**
 * How the platform reads an edition of the ГТО norms: shipped ones under {@code OKO-INF/specs/gto.norms/},
 * a region's own published through the platform's specs API. No references: the platform's spec store
 * binds every type, and a type that needed the store back would make a cycle.
 */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + NormsType.KIND)
public class NormsType extends JsonSpecType<Norms> {

    public static final String KIND = "gto.norms";

    public NormsType() {
        super(Norms.class);
    }

    public static Norms parse(String json) {
        return parse(json, Norms.class);
    }
}
