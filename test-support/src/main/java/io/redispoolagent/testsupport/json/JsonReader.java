package io.redispoolagent.testsupport.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into plain Java values for assertions: objects into {@link LinkedHashMap}s (in
 * document order), arrays into {@link List}s, strings, booleans and null. Every number is a {@link Double},
 * as JSON has one number type: a test expects {@code 8.0} whether the writer printed {@code 8} or {@code 8.0}.
 */
public final class JsonReader {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonReader() {}

    /** The document's value; an {@link IllegalArgumentException} when it is not exactly one valid JSON value. */
    public static Object parse(String json) {
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + json, e);
        }
        if (document.isMissingNode()) {
            throw new IllegalArgumentException("no JSON value in '" + json + "'");
        }
        return value(document);
    }

    /** The document, which must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String json) {
        Object value = parse(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        return (Map<String, Object>) value;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                object.put(field.getKey(), value(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            for (JsonNode element : node) {
                array.add(value(element));
            }
            return array;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.textValue();
    }
}
