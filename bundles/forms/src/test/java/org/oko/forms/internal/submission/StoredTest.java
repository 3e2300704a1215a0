package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A stored value reads as Jackson reads it, whether or not it takes the parser. */
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
    void onlyPlainValuesSkipTheParser() {
        assertEquals(42, Stored.plain("42"));
        assertEquals(Boolean.TRUE, Stored.plain("true"));
        for (String json : List.of("", "-", "042", "1234567890", "1.5", "\"1\"", "1 ", "True", "-0x")) {
            assertNull(Stored.plain(json), json);
        }
    }
}
