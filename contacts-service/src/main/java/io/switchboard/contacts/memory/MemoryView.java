package io.switchboard.contacts.memory;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Memory", description = "A fact about a contact", example = """
        {"id":"5d1c0f9e-2b7a-4c3d-8e6f-1a2b3c4d5e6f","contactId":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d","kind":"manual",
         "content":"Prefers calls after 5pm","callId":null,"createdAt":"2026-11-21T15:06:03Z"}""")
public record MemoryView(
        UUID id,
        UUID contactId,
        @Schema(enumeration = { "manual", "auto" }) String kind,
        String content,
        @Schema(description = "the analysed call an auto memory came from") UUID callId,
        OffsetDateTime createdAt) {

    static MemoryView of(Memory memory) {
        return new MemoryView(memory.id, memory.contactId, memory.kind, memory.content, memory.callId, memory.createdAt);
    }
}
