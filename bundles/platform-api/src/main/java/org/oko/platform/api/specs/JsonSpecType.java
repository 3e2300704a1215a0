package org.oko.platform.api.specs;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.oko.platform.api.internal.PlatformApiTexts;
import org.oko.platform.api.rest.ApiException;

/**
 * A {@link SpecType} for specs kept as a JSON record of the module's: strict (an unknown field is an
 * error, so that a typo never drops a threshold), its key, version and problems from the record.
 * A module's type is then a DS component of a few lines:
 *
 * <pre>
 * &#64;Component(service = SpecType.class, property = SpecType.KIND + "=" + NormsType.KIND)
 * public class NormsType extends JsonSpecType&lt;Norms&gt; {
 *     public static final String KIND = "gto.norms";
 *     public NormsType() { super(Norms.class); }
 * }
 * </pre>
 *
 * @param <T> the module's spec record
 */
public abstract class JsonSpecType<T extends JsonSpecType.Checked> implements SpecType {

    /** What the platform asks of a spec record. */
    public interface Checked {
        String key();

        int version();

        /** What is wrong with the spec, one sentence each; empty when it may be published. */
        List<String> problems();
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Class<T> type;

    protected JsonSpecType(Class<T> type) {
        this.type = type;
    }

    @Override
    public Reading read(String json) {
        T spec = parse(json, type);
        return new Reading(spec.key(), spec.version(), spec.problems());
    }

    /** A stored spec as the module's record; a refusal (400, {@code spec.unreadable}) with the reason when it does not parse. */
    public static <S> S parse(String json, Class<S> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw PlatformApiTexts.TEXTS.refusal(ApiException.Kind.INVALID, "spec.unreadable", e.getMessage());
        }
    }
}
