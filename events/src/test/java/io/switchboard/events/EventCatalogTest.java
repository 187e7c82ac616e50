package io.switchboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class EventCatalogTest {

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesAgainstItsSchemaAndBindsToItsRecord() {
        return EventCatalog.ALL.stream().map(type -> DynamicTest.dynamicTest(type.type(), () -> {
            JsonSchema schema = SCHEMAS.getSchema(read(type.schemaResource()));
            JsonNode example = EventCodec.payloadMapper().readTree(read(type.exampleResource()));
            Set<ValidationMessage> errors = schema.validate(example);
            assertTrue(errors.isEmpty(), () -> type.type() + " example is invalid: " + errors);

            EventPayload bound = EventCodec.payloadMapper().treeToValue(example, type.payloadClass());
            // what we write back from the record must satisfy the schema too (no renamed fields)
            JsonNode rewritten = EventCodec.payloadMapper().valueToTree(bound);
            Set<ValidationMessage> rewriteErrors = schema.validate(rewritten);
            assertTrue(rewriteErrors.isEmpty(), () -> type.type() + " record serializes off-schema: " + rewriteErrors);
        }));
    }

    @Test
    void aSchemaThatRequiresAFieldRejectsAnExampleWithoutIt() {
        JsonSchema schema = SCHEMAS.getSchema(read(EventCatalog.CALL_CREATED.schemaResource()));
        JsonNode missingTo = EventCodec.payloadMapper().createObjectNode().put("callId", UUID.randomUUID().toString());
        assertTrue(schema.validate(missingTo).stream().anyMatch(m -> m.getMessage().contains("toNumber")));
    }

    @Test
    void eventTypesFollowTheNamingRuleAndAreUnique() {
        assertEquals(EventCatalog.ALL.size(), EventCatalog.ALL.stream().map(EventType::type).distinct().count());
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("call.created", Topics.CALLS, io.switchboard.events.call.CallCreatedV1.class, "x"));
    }

    private static String read(String resource) {
        try (InputStream in = EventCatalogTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "missing classpath resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
