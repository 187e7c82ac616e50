package io.switchboard.calls.webhook;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.switchboard.platform.phone.PhoneNumbers;

/** Reading provider payloads leniently (unknown fields are kept in the raw payload, never rejected). */
public final class Payloads {

    /** The one mapper for provider payloads and the normalized events stored on the timeline. */
    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Payloads() {
    }

    /** The body as a JSON object; malformed (naming {@code body}) if it is not one. */
    public static JsonNode object(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedPayloadException(null, "body: must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new MalformedPayloadException(null, "body: is not valid JSON");
        }
    }

    /** The node at a dotted path, or a missing node. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return JSON.missingNode();
            }
            current = current.get(part);
        }
        return current == null ? JSON.missingNode() : current;
    }

    /** Text at a path; null when absent, null or blank. */
    public static String text(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /**
     * An agent platform's record of the telephony call it handled: the call id at {@code idPath} when the telephony
     * provider at {@code providerPath} is Twilio (a Twilio CallSid), otherwise null.
     */
    public static String twilioCallSid(JsonNode node, String providerPath, String idPath) {
        return "twilio".equalsIgnoreCase(text(node, providerPath)) ? text(node, idPath) : null;
    }

    /** Required text at a path; malformed naming the path when absent. */
    public static String requiredText(JsonNode node, String path, String eventType) {
        String value = text(node, path);
        if (value == null) {
            throw new MalformedPayloadException(eventType, path + ": is required");
        }
        return value;
    }

    public static BigDecimal decimal(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = text(node, path);
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Dollars from a provider's cents (Retell, Bolna), null when absent. */
    public static BigDecimal dollarsFromCents(BigDecimal cents) {
        return cents == null ? null : cents.divide(BigDecimal.valueOf(100), 6, java.math.RoundingMode.HALF_UP);
    }

    /** Whole seconds from a number of seconds (possibly fractional), null when absent or negative. */
    public static Integer seconds(JsonNode node, String path) {
        BigDecimal value = decimal(node, path);
        return value == null || value.signum() < 0 ? null : Integer.valueOf(value.setScale(0, java.math.RoundingMode.HALF_UP).intValue());
    }

    /** A time given as ISO-8601, RFC 1123, epoch seconds or epoch milliseconds; null when absent or unreadable. */
    public static Instant instant(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (value.isNumber()) {
            return epoch(value.asLong());
        }
        return instant(text(node, path));
    }

    public static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{9,13}")) {
            return epoch(Long.parseLong(text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException again) {
                try {
                    return Instant.parse(text + "Z");
                } catch (DateTimeParseException last) {
                    return null;
                }
            }
        }
    }

    /** Epoch seconds below 10^11 (until year 5138), milliseconds above. */
    private static Instant epoch(long value) {
        return value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }

    /** E.164 via platform PhoneNumbers; null for anything that is not an international number (sip:, client:, web). */
    public static String e164(String raw) {
        if (raw == null) {
            return null;
        }
        return PhoneNumbers.e164(raw.trim()).orElse(null);
    }

    public static Map<String, Object> map(JsonNode node, String path) {
        JsonNode value = at(node, path);
        if (!value.isObject() || value.isEmpty()) {
            return null;
        }
        return JSON.convertValue(value, MAP);
    }

    public static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text.toLowerCase(Locale.ROOT)) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Turns from an array of objects with a role and a text field (each provider names them differently). */
    public static List<TranscriptTurn> turns(JsonNode array, String roleField, String textField, String secondsField) {
        if (array == null || !array.isArray() || array.isEmpty()) {
            return null;
        }
        List<TranscriptTurn> turns = new ArrayList<>();
        for (JsonNode item : array) {
            String text = text(item, textField);
            String role = text(item, roleField);
            if (text == null || role == null) {
                continue;
            }
            BigDecimal seconds = secondsField == null ? null : decimal(item, secondsField);
            turns.add(new TranscriptTurn(role(role), text, seconds == null ? null : seconds.doubleValue()));
        }
        return turns.isEmpty() ? null : turns;
    }

    /** agent|user|system|tool */
    public static String role(String providerRole) {
        return switch (providerRole.toLowerCase(Locale.ROOT)) {
            case "assistant", "agent", "bot", "ai" -> "agent";
            case "user", "customer", "human", "caller" -> "user";
            case "tool", "tool_calls", "tool_call_result", "tool_call_invocation", "function" -> "tool";
            default -> "system";
        };
    }

    /** A transcript's text from its turns ("Agent: …\nUser: …"), when the provider sends only turns. */
    public static String text(List<TranscriptTurn> turns) {
        if (turns == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (TranscriptTurn turn : turns) {
            if (turn.role().equals("agent") || turn.role().equals("user")) {
                text.append(turn.role().equals("agent") ? "Agent: " : "User: ").append(turn.text()).append('\n');
            }
        }
        return text.isEmpty() ? null : text.toString().strip();
    }

    public static Map<String, Object> copy(Map<String, Object> map) {
        return map == null ? null : new LinkedHashMap<>(map);
    }
}
