package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A stored value reads and writes as Jackson reads and writes it, whether or not it takes Jackson. */
class StoredTest {

    @Test
    void readsAsJacksonDoes() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        for (String json : List.of("0", "7", "-7", "123456789", "-123456789", "1234567890", "2147483648", "12.5", "-0.5", "1e3",
                "true", "false", "\"12\"", "\"text\"", "[\"a\",\"b\"]", "null", "-0")) {
            Object expected = jackson.readValue(json, Object.class);
            Object read = Stored.read(json);
            assertEquals(expected, read, json);
            assertEquals(expected == null ? null : expected.getClass(), read == null ? null : read.getClass(), json);
        }
    }

    @Test
    void writesAsJacksonDoes() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        for (Object value : List.of(new BigDecimal("12.50"), new BigDecimal("-0.5"), new BigDecimal("1E+3"), BigDecimal.ZERO,
                new BigDecimal("123456789012345678901234567890"), 7, -7L, Long.MAX_VALUE, true, false, "12", "текст \"в кавычках\"",
                List.of("a", "b"))) {
            assertEquals(jackson.writeValueAsString(value), Stored.write(value), String.valueOf(value));
        }
        assertEquals("null", Stored.write(null));
    }

    @Test
    void onlyPlainValuesSkipTheParser() {
        assertEquals(42, Stored.plain("42"));
        assertEquals(Boolean.TRUE, Stored.plain("true"));
        for (String json : List.of("", "-", "042", "1234567890", "1.5", "\"1\"", "1 ", "True", "-0x")) {
            assertNull(Stored.plain(json), json);
        }
    }
}
