package org.oko.noko.internal.method;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/**
 * How the platform reads a method: shipped ones under {@code OKO-INF/specs/noko.method/}, a region's own
 * published through {@code /api/noko/methods}. No references: the spec store binds every type.
 */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + MethodType.KIND)
public class MethodType extends JsonSpecType<Method> {

    public static final String KIND = "noko.method";

    public MethodType() {
        super(Method.class);
    }

    public static Method parse(String json) {
        return parse(json, Method.class);
    }
}
