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
