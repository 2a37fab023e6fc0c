package io.redispoolagent.sample.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The sample app's one Jackson configuration: what it writes is indented, for people reading results. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises: this would be a bug here, not bad input.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document in {@code text}; a missing node when there is none.
     *
     * @throws JsonProcessingException when {@code text} is not valid JSON
     */
    public static JsonNode read(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** A measured figure rounded to 3 decimals (a microsecond, for milliseconds); null when not finite (no samples). */
    public static Double figure(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 1000.0) / 1000.0;
    }
}
