package io.switchboard.events.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.events.EventPayload;

/**
 * The calls context analysed a finished call (summary, sentiment, the agent's structured data) and
 * extracted facts worth remembering about the person called. {@code contactId} is null when the call was
 * not linked to a contact; {@code phone} (E.164, the other party) then identifies it. {@code memories} are
 * short facts ("prefers calls after 5pm"); contacts-service stores each as an auto memory when the tenant
 * saves memories.
 */
public record CallAnalyzedV1(
        String callId,
        String contactId,
        String phone,
        String summary,
        String sentiment,
        Map<String, Object> structuredData,
        List<String> memories,
        Instant analyzedAt) implements EventPayload {

    public CallAnalyzedV1 {
        structuredData = structuredData == null ? Map.of() : structuredData;
        memories = memories == null ? List.of() : memories;
    }

    @Override
    public String aggregateId() {
        return callId;
    }
}
