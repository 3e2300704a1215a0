package org.oko.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.core.GenericType;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * OKO's body reader: the declared (generic) type read, the request's stream left to its owner, each body on its own;
 * its writer: an answer written whole, unflushed.
 */
class JsonTest {

    record Change(String key, Object value, Integer expectedRevision) {
    }

    record Changes(List<Change> values) {
    }

    private final JacksonJsonProvider provider = Json.provider();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(Class<?> type, Type generic, InputStream body) throws Exception {
        return provider.readFrom((Class) type, generic, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), body);
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDeclaredTypeAgainAndAgain() throws Exception {
        for (int request = 1; request <= 3; request++) {
            Changes changes = (Changes) read(Changes.class, Changes.class,
                    body("{\"values\":[{\"key\":\"obs.v[c" + request + "]\",\"value\":" + request + ",\"expectedRevision\":0}]}"));
            assertEquals(List.of(new Change("obs.v[c" + request + "]", request, 0)), changes.values(), "request " + request);
        }
    }

    @Test
    void aGenericBodyIsReadWithItsElementType() throws Exception {
        Type listOfChanges = new GenericType<List<Change>>() { }.getType();
        List<?> changes = (List<?>) read(List.class, listOfChanges, body("[{\"key\":\"total\",\"value\":\"7\",\"expectedRevision\":2}]"));
        assertEquals(List.of(new Change("total", "7", 2)), changes);
    }

    @Test
    void theRequestsStreamIsNotClosedByTheReader() throws Exception {
        boolean[] closed = {false};
        InputStream stream = new ByteArrayInputStream("{\"values\":[]}".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertEquals(new Changes(List.of()), read(Changes.class, Changes.class, stream));
        assertFalse(closed[0], "CXF closes the request's stream");
    }

    @Test
    void anEmptyOrBrokenBodyIsTheCallersErrorAndTheNextBodyIsReadWhole() throws Exception {
        assertThrows(BadRequestException.class, () -> read(Changes.class, Changes.class, body("")));
        assertThrows(BadRequestException.class, () -> read(Changes.class, Changes.class, body("{\"values\":[{\"key\":")));
        assertEquals(new Changes(List.of(new Change("part", null, 1))),
                read(Changes.class, Changes.class, body("{\"values\":[{\"key\":\"part\",\"value\":null,\"expectedRevision\":1}]}")));
    }

    @Test
    void anAnswerIsWrittenWholeWithoutFlushingTheResponse() throws Exception {
        int[] flushes = {0};
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }
        };
        provider.writeTo(new Changes(List.of(new Change("total", 7, 2))), Changes.class, Changes.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), answer);
        assertEquals("{\"values\":[{\"key\":\"total\",\"value\":7,\"expectedRevision\":2}]}", answer.toString(StandardCharsets.UTF_8));
        assertEquals(0, flushes[0], "a flush commits Jetty's response before its length is known (chunked, two writes)");
    }
}
