package ${package}.internal;

import java.io.IOException;

import org.oko.platform.api.specs.SpecType;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the platform reads this module's specs: the shipped files wait for it, then are stored as
 * versions. A component with no references, since the platform's spec store binds every type.
 */
@Component(property = SpecType.KIND + "=" + SpecKind.KIND)
public class SpecKind implements SpecType {

    public static final String KIND = "${moduleId}.spec";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public Reading read(String json) {
        Spec spec = parse(json);
        return new Reading(spec.key(), spec.version(), spec.problems());
    }

    public static Spec parse(String json) {
        try {
            return JSON.readValue(json, Spec.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("Описание не читается / the spec does not parse: " + e.getMessage());
        }
    }
}
