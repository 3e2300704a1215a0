package org.oko.vpr.internal.spec;

import org.oko.platform.api.specs.JsonSpecType;
import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

/**
 * How the platform reads a ВПР test's spec. A component of its own, with no references: the platform's
 * spec store binds every type, and a type that needed the store back would make a cycle.
 */
@Component(service = SpecType.class, property = SpecType.KIND + "=" + TestSpecType.KIND)
public class TestSpecType extends JsonSpecType<TestSpec> {

    public static final String KIND = "vpr.test";

    public TestSpecType() {
        super(TestSpec.class);
    }

    static TestSpec parse(String json) {
        return parse(json, TestSpec.class);
    }
}
