package io.switchboard.contacts.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.platform.text.ControlCharacters;

/** The pure rules of a contact's free-form fields: tags and custom fields. */
public final class ContactRules {

    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_LENGTH = 64;
    public static final int MAX_CUSTOM_FIELDS_BYTES = 16 * 1024;
    public static final int MAX_CUSTOM_FIELDS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContactRules() {
    }

    /** Trimmed and lower-cased (so filtering by a tag ignores case), blank ones and duplicates dropped, order kept. */
    public static List<String> normalizeTags(List<String> tags) {
        if (tags == null) {
            return new ArrayList<>();
        }
        java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                seen.add(tag.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new ArrayList<>(seen);
    }

    /** The union of two tag lists, normalized, the first list's tags first. */
    public static List<String> unionTags(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first == null ? List.of() : first);
        all.addAll(second == null ? List.of() : second);
        return normalizeTags(all);
    }

    /** Why {@code customFields} is refused, or empty: too many, too large, or text PostgreSQL cannot store. */
    public static Optional<String> customFieldsProblem(Map<String, Object> fields) {
        if (fields == null) {
            return Optional.empty();
        }
        if (fields.size() > MAX_CUSTOM_FIELDS) {
            return Optional.of("must have at most " + MAX_CUSTOM_FIELDS + " fields");
        }
        String json;
        try {
            json = JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            return Optional.of("must be a JSON object");
        }
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CUSTOM_FIELDS_BYTES) {
            return Optional.of("must be at most " + MAX_CUSTOM_FIELDS_BYTES + " bytes as JSON");
        }
        // keys and nested values are not bound through the String deserializer that refuses NUL elsewhere
        if (hasForbiddenText(fields)) {
            return Optional.of(ControlCharacters.MESSAGE);
        }
        return Optional.empty();
    }

    /** {@code a} with the keys of {@code b} it lacks: a merge's custom fields, the survivor's values winning. */
    public static Map<String, Object> unionCustomFields(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> all = new LinkedHashMap<>(b == null ? Map.of() : b);
        all.putAll(a == null ? Map.of() : a);
        return all;
    }

    private static boolean hasForbiddenText(Object value) {
        if (value instanceof CharSequence text) {
            return ControlCharacters.containsForbidden(text);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> hasForbiddenText(e.getKey()) || hasForbiddenText(e.getValue()));
        }
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                if (hasForbiddenText(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
