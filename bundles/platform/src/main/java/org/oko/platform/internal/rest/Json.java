package org.oko.platform.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.NoContentException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.cfg.JaxRSFeature;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** OKO's JSON mapping: ISO-8601 dates and times, unknown input fields rejected, an unreadable body a 400. */
final class Json {

    /**
     * Writes without flushing: a flush in the middle of the answer made Jetty send its head and body at once with
     * chunked encoding and the closing chunk in a second write — two system calls and two packets for each JSON
     * answer (async-profiler, the no-op and the saves alike). Unflushed, Jetty sends the answer whole at close with
     * its Content-Length; an answer larger than Jetty's buffer still goes out as it is written.
     */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);

    private Json() {
    }

    static JacksonJsonProvider provider() {
        JacksonJsonProvider provider = new BodyReader(MAPPER);
        // An empty body where JSON is expected is the client's error (400), not a null for the resource to trip over.
        provider.disable(JaxRSFeature.ALLOW_EMPTY_INPUT);
        return provider;
    }

    /**
     * Decides "the client's body is unreadable" where the body is read, so that a server-side Jackson
     * failure elsewhere (a stored value that does not parse, a response that cannot be written) stays
     * an incident of ours instead of being blamed on the request.
     */
    private static final class BodyReader extends JacksonJsonProvider {

        /** A reader per body type: OKO's resources use no annotations that would change how a body is read. */
        private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();
        private final ObjectMapper mapper;

        BodyReader(ObjectMapper mapper) {
            super(mapper);
            this.mapper = mapper;
        }

        /**
         * Reads the body as Jackson's provider does, closing the parser afterwards: the provider leaves it open, so its
         * buffers never went back to Jackson's recycler and the names it read never reached the shared symbol table —
         * an 8 KB buffer and a copied name table allocated for every request with a body (async-profiler, saves).
         * The request's stream stays open for CXF to close.
         */
        @Override
        public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream body) throws IOException {
            ObjectReader reader = readers.computeIfAbsent(genericType == null ? type : genericType, t -> mapper.readerFor(mapper.constructType(t)));
            try (JsonParser parser = reader.createParser(body)) {
                parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
                if (parser.nextToken() == null) {
                    throw new NoContentException("No content (empty input stream)");
                }
                return reader.readValue(parser);
            } catch (JsonProcessingException | NoContentException unreadable) {
                // As a WebApplicationException: CXF wraps any other exception of a reader in a Fault, past the error mapper.
                throw new BadRequestException(BodyErrors.refusal(unreadable));
            }
        }
    }
}
