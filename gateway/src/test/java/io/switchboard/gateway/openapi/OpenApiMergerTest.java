package io.switchboard.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void aSchemaNameTwoServicesUseForDifferentBodiesKeepsBothAndEachPathPointsAtItsOwn() throws Exception {
        ObjectNode gateway = doc("""
                {"paths":{"/api/v1/users":{"post":{"requestBody":{"content":{"application/json":{"schema":
                  {"$ref":"#/components/schemas/CreateRequest"}}}}}}},
                 "components":{"schemas":{"CreateRequest":{"properties":{"email":{"type":"string"}}}}}}""");
        ObjectNode contacts = doc("""
                {"paths":{"/api/v1/contacts":{"post":{"requestBody":{"content":{"application/json":{"schema":
                  {"$ref":"#/components/schemas/CreateRequest"}}}}}}},
                 "components":{"schemas":{"CreateRequest":{"properties":{"phone":{"type":"string"},
                   "address":{"$ref":"#/components/schemas/Address"}}},
                   "Address":{"properties":{"city":{"type":"string"}}}}}}""");
        Map<String, ObjectNode> upstreams = new LinkedHashMap<>();
        upstreams.put("contacts", contacts);

        ObjectNode merged = OpenApiMerger.merge(gateway, upstreams, List.of());

        assertEquals("#/components/schemas/CreateRequest", merged.at("/paths/~1api~1v1~1users/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/ContactsCreateRequest", merged.at("/paths/~1api~1v1~1contacts/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("string", merged.at("/components/schemas/CreateRequest/properties/email/type").asText());
        assertEquals("string", merged.at("/components/schemas/ContactsCreateRequest/properties/phone/type").asText());
        // a schema that does not collide keeps its name, and references to it are untouched
        assertEquals("#/components/schemas/Address", merged.at("/components/schemas/ContactsCreateRequest/properties/address/$ref").asText());
        assertEquals("string", merged.at("/components/schemas/Address/properties/city/type").asText());
    }

    @Test
    void anIdenticalSchemaSharedByTwoServicesIsKeptOnce() throws Exception {
        ObjectNode gateway = doc("""
                {"paths":{},"components":{"schemas":{"Problem":{"properties":{"status":{"type":"integer"}}}}}}""");
        ObjectNode calls = doc("""
                {"paths":{"/api/v1/calls":{"get":{"responses":{"400":{"content":{"application/problem+json":{"schema":
                  {"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"Problem":{"properties":{"status":{"type":"integer"}}}}}}""");

        ObjectNode merged = OpenApiMerger.merge(gateway, Map.of("calls", calls), List.of());

        assertEquals(1, merged.at("/components/schemas").size());
        assertEquals("#/components/schemas/Problem",
                merged.at("/paths/~1api~1v1~1calls/get/responses/400/content/application~1problem+json/schema/$ref").asText());
    }
}
