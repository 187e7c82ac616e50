package io.switchboard.calls.webhook.retell;

import static io.switchboard.calls.webhook.Payloads.text;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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
 * Retell webhooks ({@code {"event": ..., "call": {...}}}): {@code call_started}, {@code call_ended} and
 * {@code call_analyzed}; others (e.g. {@code transcript_updated}) are ignored. Retell reports costs in cents.
 */
public final class RetellNormalizer implements ProviderNormalizer {

    public static final String PROVIDER = "retell";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Normalization normalize(VerifiedDelivery delivery) {
        JsonNode root = Payloads.object(delivery.body());
        String event = Payloads.requiredText(root, "event", null);
        if (!event.equals("call_started") && !event.equals("call_ended") && !event.equals("call_analyzed")) {
            return Normalization.ignore(event, "Retell event not used by the call model");
        }
        JsonNode call = root.get("call");
        if (call == null || !call.isObject()) {
            throw new MalformedPayloadException(event, "call: is required");
        }
        String callId = Payloads.requiredText(call, "call_id", event);
        String reason = text(call, "disconnection_reason");
        boolean ended = !event.equals("call_started");
        Boolean inVoicemail = call.path("call_analysis").path("in_voicemail").isBoolean()
                ? call.path("call_analysis").path("in_voicemail").asBoolean() : null;
        Disposition disposition = ended && reason != null ? disposition(reason) : null;
        if (Boolean.TRUE.equals(inVoicemail) && (disposition == null || disposition == Disposition.ANSWERED_HUMAN)) {
            disposition = Disposition.VOICEMAIL;
        }
        Integer durationMs = Payloads.seconds(call, "duration_ms");
        List<TranscriptTurn> turns = Payloads.turns(call.get("transcript_object"), "role", "content", null);
        BigDecimal cents = Payloads.decimal(call, "call_cost.combined_cost");
        String direction = text(call, "direction");

        NormalizedEvent.Builder normalized = NormalizedEvent.builder(PROVIDER, callId, callId + "/" + event, event)
                .occurredAt(Payloads.instant(call, ended ? "end_timestamp" : "start_timestamp"))
                .status(ended ? terminalStatus(reason) : CallStatus.IN_PROGRESS)
                .direction(direction == null ? null
                        : direction.equals("outbound") ? CallDirection.OUTBOUND : CallDirection.INBOUND)
                .fromNumber(Payloads.e164(text(call, "from_number")))
                .toNumber(Payloads.e164(text(call, "to_number")))
                .providerAgentId(text(call, "agent_id"))
                .switchboardCallId(Payloads.uuid(text(call, "metadata.switchboardCallId")))
                .startedAt(Payloads.instant(call, "start_timestamp"))
                .endedAt(Payloads.instant(call, "end_timestamp"))
                .durationSeconds(durationMs == null ? null : (durationMs + 500) / 1000)
                .cost(Payloads.dollarsFromCents(cents))
                .endedReason(ended ? reason : null)
                .disposition(disposition)
                .summary(text(call, "call_analysis.call_summary"))
                .sentiment(text(call, "call_analysis.user_sentiment"))
                .successEvaluation(text(call, "call_analysis.call_successful"))
                .structuredData(Payloads.map(call, "call_analysis.custom_analysis_data"))
                .transcriptText(text(call, "transcript"))
                .transcriptTurns(turns)
                .recordingUrl(text(call, "recording_url"))
                .raw(root);
        return Normalization.apply(normalized.build());
    }

    static CallStatus terminalStatus(String reason) {
        if (reason == null) {
            return CallStatus.COMPLETED;
        }
        return disposition(reason).terminalStatus();
    }

    /** The mapping table for Retell's {@code disconnection_reason}; any unlisted reason (error_*) is a failure. */
    public static Disposition disposition(String reason) {
        return switch (reason) {
            case "user_hangup", "agent_hangup", "max_duration_reached" -> Disposition.ANSWERED_HUMAN;
            case "call_transfer" -> Disposition.TRANSFERRED;
            case "inactivity", "user_declined" -> Disposition.HUNG_UP;
            case "voicemail_reached" -> Disposition.VOICEMAIL;
            case "machine_detected", "ivr_reached" -> Disposition.MACHINE;
            case "dial_busy" -> Disposition.BUSY;
            case "dial_no_answer" -> Disposition.NO_ANSWER;
            case "registered_call_timeout" -> Disposition.CANCELED;
            default -> Disposition.FAILED;
        };
    }
}
