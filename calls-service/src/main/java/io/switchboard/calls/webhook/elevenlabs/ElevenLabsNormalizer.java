package io.switchboard.calls.webhook.elevenlabs;

import static io.switchboard.calls.webhook.Payloads.text;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.Normalization;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Payloads;
import io.switchboard.calls.webhook.ProviderNormalizer;
import io.switchboard.calls.webhook.TranscriptTurn;
import io.switchboard.calls.webhook.VerifiedDelivery;

/**
 * ElevenLabs post-call webhooks ({@code {"type": ..., "event_timestamp": ..., "data": {...}}}):
 * {@code post_call_transcription}, {@code post_call_audio} (the base64 audio itself is not kept: it is replaced
 * in the stored raw payload by its size) and {@code call_initiation_failure}. ElevenLabs' cost is in credits, not
 * money, so it is left in the raw payload and not reported as the call's cost.
 */
public final class ElevenLabsNormalizer implements ProviderNormalizer {

    public static final String PROVIDER = "elevenlabs";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Normalization normalize(VerifiedDelivery delivery) {
        JsonNode root = Payloads.object(delivery.body());
        String type = Payloads.requiredText(root, "type", null);
        if (!type.equals("post_call_transcription") && !type.equals("post_call_audio")
                && !type.equals("call_initiation_failure")) {
            return Normalization.ignore(type, "ElevenLabs event not used by the call model");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedPayloadException(type, "data: is required");
        }
        String conversationId = Payloads.requiredText(data, "conversation_id", type);
        String direction = text(data, "metadata.phone_call.direction");
        CallDirection callDirection = direction == null ? null
                : direction.equals("outbound") ? CallDirection.OUTBOUND : CallDirection.INBOUND;
        String agentNumber = Payloads.e164(text(data, "metadata.phone_call.agent_number"));
        String external = Payloads.e164(text(data, "metadata.phone_call.external_number"));
        NormalizedEvent.Builder event = NormalizedEvent.builder(PROVIDER, conversationId, conversationId + "/" + type, type)
                .occurredAt(Payloads.instant(root, "event_timestamp"))
                .providerAgentId(text(data, "agent_id"))
                .direction(callDirection)
                .fromNumber(callDirection == CallDirection.OUTBOUND ? agentNumber : external)
                .toNumber(callDirection == CallDirection.OUTBOUND ? external : agentNumber)
                .switchboardCallId(Payloads.uuid(text(data,
                        "conversation_initiation_client_data.dynamic_variables.switchboard_call_id")))
                .telephonyCallSid(Payloads.twilioCallSid(data, "metadata.phone_call.type", "metadata.phone_call.call_sid"))
                .raw(root);
        switch (type) {
            case "post_call_transcription" -> transcription(data, event);
            case "call_initiation_failure" -> {
                String reason = Payloads.requiredText(data, "failure_reason", type);
                Disposition disposition = failure(reason);
                event.status(disposition.terminalStatus())
                        .endedReason(reason)
                        .disposition(disposition);
            }
            default -> event.raw(withoutAudio(root));
        }
        return Normalization.apply(event.build());
    }

    private static void transcription(JsonNode data, NormalizedEvent.Builder event) {
        Instant start = Payloads.instant(data, "metadata.start_time_unix_secs");
        Integer duration = Payloads.seconds(data, "metadata.call_duration_secs");
        String status = text(data, "status");
        String termination = text(data, "metadata.termination_reason");
        boolean failed = "failed".equals(status);
        List<TranscriptTurn> turns = Payloads.turns(data.get("transcript"), "role", "message", "time_in_call_secs");
        event.status(failed ? CallStatus.FAILED : CallStatus.COMPLETED)
                .startedAt(start)
                .endedAt(start == null || duration == null ? null : start.plusSeconds(duration))
                .durationSeconds(duration)
                .endedReason(termination)
                .disposition(failed ? Disposition.FAILED : termination(termination))
                .summary(text(data, "analysis.transcript_summary"))
                .successEvaluation(text(data, "analysis.call_successful"))
                .structuredData(collected(data.path("analysis").path("data_collection_results")))
                .transcriptText(Payloads.text(turns))
                .transcriptTurns(turns);
    }

    /** ElevenLabs' termination reason is free text ("end_call tool was called.", "voicemail_detection ..."). */
    public static Disposition termination(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.contains("voicemail")) {
            return Disposition.VOICEMAIL;
        }
        if (text.contains("transfer")) {
            return Disposition.TRANSFERRED;
        }
        if (text.contains("silence") || text.contains("inactivity")) {
            return Disposition.HUNG_UP;
        }
        return Disposition.ANSWERED_HUMAN;
    }

    /** The mapping table for {@code call_initiation_failure}'s {@code failure_reason}. */
    public static Disposition failure(String reason) {
        return switch (reason) {
            case "busy" -> Disposition.BUSY;
            case "no-answer" -> Disposition.NO_ANSWER;
            default -> Disposition.FAILED;
        };
    }

    /** data_collection_results: {id: {value, rationale, ...}} → {id: value}. */
    private static Map<String, Object> collected(JsonNode results) {
        if (!results.isObject() || results.isEmpty()) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        results.fields().forEachRemaining(field -> values.put(field.getKey(),
                Payloads.JSON.convertValue(field.getValue().has("value") ? field.getValue().get("value") : field.getValue(),
                        Object.class)));
        return values;
    }

    private static JsonNode withoutAudio(JsonNode root) {
        ObjectNode copy = root.deepCopy();
        JsonNode audio = copy.path("data").path("full_audio");
        if (audio.isTextual()) {
            ((ObjectNode) copy.get("data")).put("full_audio", "<" + audio.asText().length() + " base64 characters, not stored>");
        }
        return copy;
    }
}
