package io.switchboard.events.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.switchboard.events.EventPayload;

/**
 * The provider's post-call analysis of a call arrived or changed.
 *
 * @param phone        the remote party's E.164 number
 * @param memoryFacts  facts worth remembering about the contact (none from providers today: empty)
 * @param successEvaluation the provider's verdict on whether the call met its goal, verbatim ("true", "success", "8")
 */
public record CallAnalyzedV1(
        String callId,
        String contactId,
        String phone,
        String summary,
        String sentiment,
        Map<String, Object> structuredData,
        List<String> memoryFacts,
        Instant analyzedAt,
        String successEvaluation) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
