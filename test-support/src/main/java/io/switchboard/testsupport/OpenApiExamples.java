package io.switchboard.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operations of a service's OpenAPI document are not fully documented: every operation needs a summary, every
 * JSON request body a schema (the fuzz test generates bodies from it), and every request body and every 2xx response
 * with content an example, on the media type ({@code example}/{@code examples}) or on its schema. A schema counts when
 * it (after {@code $ref} and {@code allOf}) has an example, is an array of such items, or is a page whose
 * {@code items} are. The document is passed as parsed JSON (maps and lists), so this needs no JSON library.
 */
public final class OpenApiExamples {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private OpenApiExamples() {
    }

    /** "METHOD path: what is missing" for each gap; empty when every operation is documented. */
    public static List<String> missing(Map<String, Object> document) {
        List<String> missing = new ArrayList<>();
        Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, op) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            Map<String, Object> operation = map(op);
            if (!(operation.get("summary") instanceof String summary) || summary.isBlank()) {
                missing.add(name + ": summary");
            }
            map(map(operation.get("requestBody")).get("content")).forEach((type, media) -> {
                if (!exemplified(map(media), schemas)) {
                    missing.add(name + ": request body " + type);
                }
                if (type.contains("json") && map(map(media).get("schema")).isEmpty()) {
                    missing.add(name + ": request body " + type + " schema");
                }
            });
            map(operation.get("responses")).forEach((status, response) -> {
                if (status.startsWith("2")) {
                    map(map(response).get("content")).forEach((type, media) -> {
                        if (!exemplified(map(media), schemas)) {
                            missing.add(name + ": response " + status + " " + type);
                        }
                    });
                }
            });
        }));
        return missing;
    }

    private static boolean exemplified(Map<String, Object> media, Map<String, Object> schemas) {
        return media.containsKey("example") || !map(media.get("examples")).isEmpty() || schemaHasExample(media.get("schema"), schemas, 0);
    }

    private static boolean schemaHasExample(Object raw, Map<String, Object> schemas, int depth) {
        Map<String, Object> schema = map(raw);
        if (schema.isEmpty() || depth > 5) {
            return false;
        }
        if (schema.get("$ref") instanceof String ref) {
            return schemaHasExample(schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (schema.containsKey("example") || schema.containsKey("examples")) {
            return true;
        }
        if (schema.get("allOf") instanceof List<?> parts && parts.stream().anyMatch(p -> schemaHasExample(p, schemas, depth + 1))) {
            return true;
        }
        if ("array".equals(schema.get("type"))) {
            return schemaHasExample(schema.get("items"), schemas, depth + 1);
        }
        Object items = map(schema.get("properties")).get("items");
        return items != null && schemaHasExample(items, schemas, depth + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
