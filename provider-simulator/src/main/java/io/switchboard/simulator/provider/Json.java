package io.switchboard.simulator.provider;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building provider payloads and reading create-call bodies. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as a JSON object, or null when it is not one. */
    public static ObjectNode parseObject(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : MAPPER.readTree(body);
            return node instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    public static Map<String, Object> map(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? new LinkedHashMap<>() : MAPPER.convertValue(node, MAP);
    }

    /** Text at a dotted path, null when absent, not text or blank. */
    public static String text(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current == null ? null : current.get(part);
        }
        return current == null || !current.isTextual() || current.asText().isBlank() ? null : current.asText();
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }
}
