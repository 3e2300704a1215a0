package org.oko.platform.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** OKO's JSON mapping: ISO-8601 dates and times, unknown input fields rejected. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    static JacksonJsonProvider provider() {
        JacksonJsonProvider provider = new JacksonJsonProvider(MAPPER);
        // An empty body where JSON is expected is the client's error (400), not a null for the resource to trip over.
        provider.disable(JaxRSFeature.ALLOW_EMPTY_INPUT);
        return provider;
    }
}
