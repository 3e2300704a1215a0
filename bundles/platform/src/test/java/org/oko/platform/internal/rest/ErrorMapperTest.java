package org.oko.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    @Test
    void webApplicationErrorsKeepTheirStatusAndMessage() {
        Response response = mapper.toResponse(new NotFoundException("Нет такой школы"));
        assertEquals(404, response.getStatus());
        Map<?, ?> body = (Map<?, ?>) response.getEntity();
        assertEquals(404, body.get("status"));
        assertEquals("Not Found", body.get("error"));
        assertEquals("Нет такой школы", body.get("message"));
    }

    record Sample(int version, String name) {
    }

    /** The body through OKO's JSON provider, as CXF reads it, and its failure through the mapper. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private String bodyError(String json) {
        try {
            Json.provider().readFrom((Class) Sample.class, Sample.class, new java.lang.annotation.Annotation[0],
                    javax.ws.rs.core.MediaType.APPLICATION_JSON_TYPE, new javax.ws.rs.core.MultivaluedHashMap<>(),
                    new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            Response response = mapper.toResponse(e);
            assertEquals(400, response.getStatus(), json);
            return (String) ((Map<?, ?>) response.getEntity()).get("message");
        }
        throw new AssertionError(json + " was read");
    }

    @Test
    void aBodyTheServerCannotReadIsTheCallersErrorWithWhereAndWhat() {
        String syntax = bodyError("{\"version\": 1,\n \"name\" \"x\"}");
        assertTrue(syntax.startsWith("Тело запроса — не JSON (строка 2, столбец"), syntax);
        assertTrue(syntax.contains("/ the request body is not valid JSON (line 2, column"), syntax);
        String type = bodyError("{\"version\": \"one\"}");
        assertTrue(type.startsWith("Неверное значение поля «version» (строка 1"), type);
        String shape = bodyError("[1, 2]");
        assertTrue(shape.startsWith("Неверное значение тела запроса"), shape);
        assertFalse(shape.contains("org.oko"), "no class names of ours: " + shape);
        assertTrue(bodyError("{\"versio\": 1}").startsWith("Неизвестное поле «versio» / unknown field versio (name, version)"));
        assertTrue(bodyError("").startsWith("Пустое тело запроса"));
    }

    @Test
    void aJsonFailureOfTheServersOwnIsAnIncidentNotTheCallersError() throws Exception {
        Exception stored;
        try {
            Json.MAPPER.readValue("{bad", Sample.class);
            throw new AssertionError("read");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            stored = new IllegalStateException("a stored campaign does not parse", e);
        }
        assertEquals(500, mapper.toResponse(stored).getStatus());
    }

    @Test
    void unexpectedErrorsHideTheirDetailsBehindAnIncidentId() {
        Response response = mapper.toResponse(new IllegalStateException("password=secret in SQL"));
        assertEquals(500, response.getStatus());
        String message = (String) ((Map<?, ?>) response.getEntity()).get("message");
        assertFalse(message.contains("secret"), message);
        assertTrue(message.matches(".*инцидент [0-9a-f]{8}.*"), message);
    }

    @Test
    void aWriteTheDiskRefusedIsReportedAsSuchNotAsAnIncident() {
        Response response = mapper.toResponse(new javax.persistence.PersistenceException(
                new java.sql.BatchUpdateException("Page could not be written to disk", "XSDG1", 45000, new int[0])));
        assertEquals(507, response.getStatus());
        Map<?, ?> body = (Map<?, ?>) response.getEntity();
        assertEquals("Insufficient Storage", body.get("error"));
        assertTrue(((String) body.get("message")).startsWith("Не удалось сохранить: на диске с данными OKO нет места"), body.toString());
        assertFalse(((String) body.get("message")).contains("инцидент"), body.toString());
    }
}
