package org.oko.vpr.internal.spec;

import java.io.IOException;

import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the platform reads a ВПР test's spec. A component of its own, with no references: the platform's
 * spec store binds every type, and a type that needed the store back would make a cycle.
 */
@Component(property = SpecType.KIND + "=" + TestSpecType.KIND)
public class TestSpecType implements SpecType {

    public static final String KIND = "vpr.test";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Reading read(String json) {
        TestSpec spec = parse(json);
        return new Reading(spec.key(), spec.version(), spec.problems());
    }

    static TestSpec parse(String json) {
        try {
            return JSON.readValue(json, TestSpec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Описание ВПР не читается / the spec does not parse: " + e.getMessage());
        }
    }
}
