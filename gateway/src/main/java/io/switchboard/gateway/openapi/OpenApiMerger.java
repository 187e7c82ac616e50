package io.switchboard.gateway.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Folds the services' OpenAPI documents into the gateway's: their {@code paths} and
 * {@code components.schemas} are copied in (services own disjoint /api/v1/... prefixes), and routes whose
 * document could not be fetched are listed under {@code x-switchboard-unavailable} so a reader knows the
 * document is partial. Services name their schemas independently, so when a name is already taken by a
 * different schema the upstream's one is renamed {@code <Route><Name>} and every {@code $ref} to it in that
 * upstream's document follows: a client, the isolation sweep and the fuzz test always see the body the
 * service really takes.
 */
final class OpenApiMerger {

    static final String UNAVAILABLE = "x-switchboard-unavailable";

    private OpenApiMerger() {
    }

    /** @param upstreams route name to its document, in a stable order */
    static ObjectNode merge(ObjectNode gateway, Map<String, ObjectNode> upstreams, List<String> unavailable) {
        ObjectNode merged = gateway.deepCopy();
        ObjectNode paths = merged.withObject("/paths");
        ObjectNode schemas = merged.withObject("/components").withObject("/schemas");
        upstreams.forEach((route, original) -> {
            ObjectNode doc = original.deepCopy();
            Map<String, String> renames = new HashMap<>();
            if (doc.path("components").get("schemas") instanceof ObjectNode upstreamSchemas) {
                upstreamSchemas.fields().forEachRemaining(e -> {
                    JsonNode taken = schemas.get(e.getKey());
                    if (taken != null && !taken.equals(e.getValue())) {
                        renames.put(REF + e.getKey(), REF + capitalize(route) + e.getKey());
                    }
                });
                rewriteRefs(doc, renames);
                upstreamSchemas.fields().forEachRemaining(e -> {
                    String name = renames.getOrDefault(REF + e.getKey(), REF + e.getKey()).substring(REF.length());
                    schemas.putIfAbsent(name, e.getValue());
                });
            }
            if (doc.get("paths") instanceof ObjectNode upstreamPaths) {
                paths.setAll(upstreamPaths);
            }
        });
        ArrayNode down = merged.putArray(UNAVAILABLE);
        unavailable.forEach(down::add);
        return merged;
    }

    private static final String REF = "#/components/schemas/";

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    private static String capitalize(String route) {
        return route.isEmpty() ? route : Character.toUpperCase(route.charAt(0)) + route.substring(1);
    }
}
