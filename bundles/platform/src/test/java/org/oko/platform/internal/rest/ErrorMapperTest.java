package org.oko.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.oko.platform.api.rest.ApiException;
import org.oko.platform.api.security.AccessDeniedException;

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
            Map<?, ?> body = (Map<?, ?>) response.getEntity();
            assertEquals(body.get("message"), ((Map<?, ?>) body.get("messages")).get("ru"));
            return body.get("message") + " / " + ((Map<?, ?>) body.get("messages")).get("en"); // both languages, as the message was once

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
        assertTrue(bodyError("{\"versio\": 1}").startsWith("Неизвестное поле «versio» (name, version) / unknown field versio (name, version)"));
        assertTrue(bodyError("").startsWith("Пустое тело запроса"));
    }

    private static Map<?, ?> body(Response response) {
        return (Map<?, ?>) response.getEntity();
    }

    private static void assertBody(Response response, int status, String error, String code, String ru, String en) {
        assertEquals(status, response.getStatus());
        assertEquals("application/json", response.getMediaType().toString());
        Map<?, ?> body = body(response);
        assertEquals(status, body.get("status"));
        assertEquals(error, body.get("error"));
        assertEquals(code, body.get("code"));
        assertEquals(ru, body.get("message"), "message is the Russian text");
        assertEquals(Map.of("ru", ru, "en", en), body.get("messages"));
    }

    @Test
    void everyKindOfRefusalIsOneBodyWithItsStatusCodeAndBothLanguages() {
        String[][] kinds = {
            {"INVALID", "400", "Bad Request"}, {"UNAUTHENTICATED", "401", "Unauthorized"}, {"FORBIDDEN", "403", "Forbidden"},
            {"NOT_FOUND", "404", "Not Found"}, {"CONFLICT", "409", "Conflict"}, {"TOO_LARGE", "413", "Payload Too Large"},
            {"UNSUPPORTED_TYPE", "415", "Unsupported Media Type"}, {"TOO_MANY", "429", "Too Many Requests"},
            {"INTERNAL", "500", "Internal Server Error"}, {"UNAVAILABLE", "503", "Service Unavailable"},
            {"STORAGE", "507", "Insufficient Storage"}};
        assertEquals(ApiException.Kind.values().length, kinds.length, "every kind is tested");
        for (String[] kind : kinds) {
            Response response = mapper.toResponse(new ApiException(ApiException.Kind.valueOf(kind[0]), "test.code", "Отказ", "Refused"));
            assertBody(response, Integer.parseInt(kind[1]), kind[2], "test.code", "Отказ", "Refused");
            assertFalse(body(response).containsKey("field"), "no field unless set");
            assertFalse(body(response).containsKey("details"), "no details unless set");
        }
    }

    @Test
    void aRefusalAboutOneFieldNamesItAndCarriesItsDetails() {
        Response response = mapper.toResponse(ApiException.conflict("submission.value-conflict", "Значение изменено", "changed")
                .withField("pupils_total").withDetails(Map.of("currentRevision", 3)));
        assertBody(response, 409, "Conflict", "submission.value-conflict", "Значение изменено", "changed");
        assertEquals("pupils_total", body(response).get("field"));
        assertEquals(Map.of("currentRevision", 3), body(response).get("details"));
        assertEquals(List.of("status", "error", "code", "message", "messages", "field", "details"), List.copyOf(body(response).keySet()));
    }

    @Test
    void theStandardExceptionsAreTranslatedOnceHere() {
        assertBody(mapper.toResponse(new java.util.NoSuchElementException("Нет такой школы / no such school")),
                404, "Not Found", "not-found", "Нет такой школы", "no such school");
        assertBody(mapper.toResponse(new IllegalArgumentException("Укажите код / give the code")),
                400, "Bad Request", "invalid", "Укажите код", "give the code");
        assertBody(mapper.toResponse(new IllegalStateException("Форма уже отправлена / already submitted")),
                409, "Conflict", "conflict", "Форма уже отправлена", "already submitted");
        assertBody(mapper.toResponse(new AccessDeniedException(false, "Войдите в систему", "Please log in")),
                401, "Unauthorized", "access.unauthenticated", "Войдите в систему", "Please log in");
        assertBody(mapper.toResponse(new AccessDeniedException(true, "Нет доступа / access denied")),
                403, "Forbidden", "access.forbidden", "Нет доступа", "access denied");
        assertBody(mapper.toResponse(new javax.ws.rs.NotAllowedException("Метод не разрешён / method not allowed", "GET", new String[0])),
                405, "Method Not Allowed", "http.405", "Метод не разрешён", "method not allowed");
        Response wrapped = mapper.toResponse(new javax.ws.rs.BadRequestException(ApiException.invalid("request.body", "Плохо", "Bad")));
        assertBody(wrapped, 400, "Bad Request", "request.body", "Плохо", "Bad");
    }

    @Test
    void anAsynchronousAnswersFailureIsAnsweredAsTheSameFailureThrownSynchronously() {
        ApiException refusal = ApiException.conflict("submission.value-conflict", "Значение изменено", "changed").withField("pupils_total");
        assertBody(mapper.toResponse(new java.util.concurrent.CompletionException(refusal)),
                409, "Conflict", "submission.value-conflict", "Значение изменено", "changed");
        assertBody(mapper.toResponse(new java.util.concurrent.ExecutionException(new java.util.concurrent.CompletionException(
                new java.util.NoSuchElementException("Нет такой школы / no such school")))), 404, "Not Found", "not-found", "Нет такой школы", "no such school");
        assertEquals(500, mapper.toResponse(new java.util.concurrent.CompletionException("no cause", null)).getStatus(), "nothing to unwrap: an incident");
    }

    @Test
    void anIncidentSaysItsIdInBothLanguagesAndInTheDetails() {
        Response response = mapper.toResponse(new NullPointerException("secret"));
        Map<?, ?> body = body(response);
        assertEquals(500, response.getStatus());
        assertEquals("internal", body.get("code"));
        String incident = (String) ((Map<?, ?>) body.get("details")).get("incident");
        assertTrue(((String) ((Map<?, ?>) body.get("messages")).get("en")).endsWith("incident " + incident), body.toString());
        assertFalse(body.toString().contains("secret"), body.toString());
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
