package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public API as the gateway's merged OpenAPI document describes it: every operation under
 * {@code /api} and {@code /.well-known}, with its parameters and JSON body schema ({@code $ref} and
 * {@code allOf} resolved). The isolation sweep and the fuzz test both walk it, so a new endpoint is
 * covered by both the moment a service documents it.
 */
final class PublicApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String path, List<Parameter> parameters, JsonNode body, boolean bodyRequired) {

        /** Answered without a caller: sign-up, login and the other credential exchanges, API description. */
        boolean anonymous() {
            return path.startsWith("/api/v1/auth/") || path.equals("/api/v1/openapi.json") || path.startsWith("/.well-known");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    final List<Operation> operations;

    private PublicApi(JsonNode document) {
        this.document = document;
        this.operations = List.copyOf(readOperations());
    }

    /** Reads the merged document from the gateway; fails when any service's part of it was missing. */
    static PublicApi of(String gatewayUrl) {
        JsonNode doc;
        try {
            doc = JSON.readTree(given().baseUri(gatewayUrl).get("/api/v1/openapi.json").then().statusCode(200)
                    .extract().asString());
        } catch (Exception e) {
            throw new AssertionError("merged OpenAPI document unreadable", e);
        }
        assertEquals(0, doc.path("x-switchboard-unavailable").size(), "a service's OpenAPI was unavailable: "
                + doc.path("x-switchboard-unavailable"));
        PublicApi api = new PublicApi(doc);
        assertFalse(api.operations.isEmpty(), "no operations in the merged OpenAPI document");
        return api;
    }

    private List<Operation> readOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/.well-known")) {
                continue;
            }
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!METHODS.contains(method)) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.getValue().path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    JsonNode param = resolve(p);
                    parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), resolve(param.path("schema"))));
                }
                JsonNode requestBody = resolve(op.getValue().path("requestBody"));
                JsonNode body = requestBody.path("content").path("application/json").path("schema");
                operations.add(new Operation(method, path.getKey(), parameters,
                        body.isMissingNode() ? null : resolve(body), requestBody.path("required").asBoolean(false)));
            }
        }
        return operations;
    }

    /** Follows {@code $ref}s and flattens {@code allOf} into one object schema. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#") ? document.at(ref.substring(1)) : current;
        }
        if (current.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode();
            ObjectNode properties = merged.putObject("properties");
            var required = merged.putArray("required");
            for (JsonNode part : current.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.fields().forEachRemaining(f -> {
                    if (f.getKey().equals("properties")) {
                        properties.setAll((ObjectNode) f.getValue());
                    } else if (f.getKey().equals("required")) {
                        required.addAll((com.fasterxml.jackson.databind.node.ArrayNode) f.getValue());
                    } else {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
            }
            if (!merged.has("type")) {
                merged.put("type", "object");
            }
            return merged;
        }
        return current;
    }
}
