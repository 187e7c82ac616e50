package io.switchboard.gateway.openapi;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Folds the services' OpenAPI documents into the gateway's: their {@code paths} and
 * {@code components.schemas} are copied in (services own disjoint /api/v1/... prefixes; a schema name two
 * services share keeps the first one), and routes whose document could not be fetched are listed under
 * {@code x-switchboard-unavailable} so a reader knows the document is partial.
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
        upstreams.values().forEach(doc -> {
            if (doc.get("paths") instanceof ObjectNode upstreamPaths) {
                paths.setAll(upstreamPaths);
            }
            if (doc.path("components").get("schemas") instanceof ObjectNode upstreamSchemas) {
                upstreamSchemas.fields().forEachRemaining(e -> schemas.putIfAbsent(e.getKey(), e.getValue()));
            }
        });
        ArrayNode down = merged.putArray(UNAVAILABLE);
        unavailable.forEach(down::add);
        return merged;
    }
}
