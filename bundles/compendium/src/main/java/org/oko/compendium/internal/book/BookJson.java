package org.oko.compendium.internal.book;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.oko.compendium.api.Chapter;
import org.oko.platform.api.rest.ApiMessage;

/**
 * A book as JSON, kept with its edition so that an approved compendium renders the same whenever it is read. The API's
 * types stay free of Jackson: the blocks' kinds and the cells' types are told here.
 */
public final class BookJson {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Chapter.Text.class, name = "text"), @JsonSubTypes.Type(value = Chapter.Table.class, name = "table"),
            @JsonSubTypes.Type(value = Chapter.Chart.class, name = "chart")})
    private interface BlockTypes {
    }

    /** A cell is a number or a text in both languages; read back as {@link java.math.BigDecimal}, {@link Long} or {@link ApiMessage}. */
    private static final class RowReader extends JsonDeserializer<Chapter.Row> {
        @Override
        public Chapter.Row deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            List<Object> values = new ArrayList<>();
            for (JsonNode cell : node.path("values")) {
                values.add(cell(cell));
            }
            return new Chapter.Row(message(node.get("label")), values);
        }

        private static Object cell(JsonNode cell) {
            if (cell == null || cell.isNull()) {
                return null;
            }
            if (cell.isIntegralNumber()) {
                return cell.longValue();
            }
            if (cell.isNumber()) {
                return cell.decimalValue();
            }
            return message(cell);
        }

        private static ApiMessage message(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isTextual() || node.isNumber()) {
                return new ApiMessage(node.asText(), null);
            }
            return new ApiMessage(node.path("ru").asText(), node.hasNonNull("en") ? node.get("en").asText() : null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addDeserializer(Chapter.Row.class, new RowReader()))
            .addMixIn(Chapter.Block.class, BlockTypes.class)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private BookJson() {
    }

    public static byte[] write(Book book) throws IOException {
        return JSON.writeValueAsBytes(book);
    }

    public static Book read(byte[] json) throws IOException {
        return JSON.readValue(json, Book.class);
    }
}
