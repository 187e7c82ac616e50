package io.switchboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    /** Regenerate with: ./mvnw -q -pl events test -Dasyncapi.write=true */
    private static final Path COMMITTED = Path.of("..", "docs", "asyncapi.json");

    @Test
    void committedCatalogueMatchesTheEventTypesInCode() throws Exception {
        String rendered = AsyncApiDocument.render();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(COMMITTED, rendered);
        }
        assertTrue(Files.exists(COMMITTED), "docs/asyncapi.json is missing: regenerate it (see this test's comment)");
        assertEquals(rendered, Files.readString(COMMITTED),
                "docs/asyncapi.json is stale: regenerate it with ./mvnw -q -pl events test -Dasyncapi.write=true");
    }

    @Test
    void everyEventTypeIsInTheCatalogueWithItsTopic() {
        String rendered = AsyncApiDocument.render();
        for (EventType<?> type : EventCatalog.ALL) {
            assertTrue(rendered.contains("\"name\" : \"" + type.type() + "\""), type.type());
            assertTrue(rendered.contains("\"address\" : \"" + type.topic() + "\""), type.topic());
        }
    }
}
