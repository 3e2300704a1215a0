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
}
