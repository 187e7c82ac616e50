package io.switchboard.events.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.events.EventPayload;

/**
 * The calls context analysed a finished call (the provider's post-call analysis arrived or changed): summary,
 * sentiment, the agent's structured data, and facts worth remembering about the person called.
 * {@code contactId} is null when the call was not linked to a contact; {@code phone} (E.164, the other party)
 * then identifies it. {@code memories} are short facts ("prefers calls after 5pm"); contacts-service stores each
 * as an auto memory when the tenant saves memories (providers send none today: empty).
 *
 * @param successEvaluation the provider's verdict on whether the call met its goal, verbatim ("true", "success", "8")
 */
public record CallAnalyzedV1(
        String callId,
        String contactId,
        String phone,
        String summary,
        String sentiment,
        Map<String, Object> structuredData,
        List<String> memories,
        Instant analyzedAt,
        String successEvaluation) implements EventPayload {

    public CallAnalyzedV1 {
        structuredData = structuredData == null ? Map.of() : structuredData;
        memories = memories == null ? List.of() : memories;
    }

    /** The structured-data keys that carry a request never to be called again (any agent's naming of it). */
    public static final java.util.Set<String> DO_NOT_CALL_KEYS = java.util.Set.of("do_not_call", "doNotCall", "dnc");

    /**
     * Whether {@code structuredData} says the person asked never to be called again: a {@link #DO_NOT_CALL_KEYS} key
     * that is {@code true} or the text "true" / "yes" (any case). The one reading of it: calls-service's
     * {@code do_not_call} disposition, contacts-service's DNC listing and campaigns-service's queue all use it.
     */
    public static boolean asksNotToBeCalled(Map<String, Object> structuredData) {
        return structuredData != null && DO_NOT_CALL_KEYS.stream().map(structuredData::get).anyMatch(value ->
                Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value))
                        || "yes".equalsIgnoreCase(String.valueOf(value)));
    }

    /** As published before {@code successEvaluation} was added. */
    public CallAnalyzedV1(String callId, String contactId, String phone, String summary, String sentiment,
            Map<String, Object> structuredData, List<String> memories, Instant analyzedAt) {
        this(callId, contactId, phone, summary, sentiment, structuredData, memories, analyzedAt, null);
    }

    @Override
    public String aggregateId() {
        return callId;
    }
}
