package ${package}.internal;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/**
 * How the platform reads this module's specs: the shipped files wait for it, then are stored as
 * versions. A component with no references, since the platform's spec store binds every type.
 */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + SpecKind.KIND)
public class SpecKind extends JsonSpecType<Spec> {

    public static final String KIND = "${moduleId}.spec";

    public SpecKind() {
        super(Spec.class);
    }

    public static Spec parse(String json) {
        return parse(json, Spec.class);
    }
}
