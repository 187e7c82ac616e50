package io.switchboard.calls.webhook.bolna;

import static io.switchboard.calls.webhook.Payloads.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.Normalization;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Payloads;
import io.switchboard.calls.webhook.ProviderNormalizer;
import io.switchboard.calls.webhook.TranscriptTurn;
import io.switchboard.calls.webhook.VerifiedDelivery;

/**
 * Bolna execution payloads: the whole execution, posted again at every status change (queued → initiated →
 * ringing → in-progress → call-disconnected → completed). {@code completed} does not mean a conversation
 * happened: a zero conversation duration without voicemail is a no-answer. Bolna reports costs in cents.
 */
public final class BolnaNormalizer implements ProviderNormalizer {

    public static final String PROVIDER = "bolna";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Normalization normalize(VerifiedDelivery delivery) {
        JsonNode root = Payloads.object(delivery.body());
        String id = Payloads.requiredText(root, "id", null);
        String status = Payloads.requiredText(root, "status", null);
        boolean voicemail = root.path("answered_by_voice_mail").asBoolean(false);
        Integer conversation = Payloads.seconds(root, "conversation_duration");
        if (conversation == null) {
            conversation = Payloads.seconds(root, "conversation_time");
        }
        CallStatus callStatus = status(status, voicemail, conversation);
        boolean terminal = callStatus != null && callStatus.terminal();
        String hangup = text(root, "telephony_data.hangup_reason");
        String updatedAt = text(root, "updated_at");
        BigDecimal cents = Payloads.decimal(root, "total_cost");
        String direction = text(root, "telephony_data.call_type");
        String transcript = text(root, "transcript");
        List<TranscriptTurn> turns = turns(transcript);

        NormalizedEvent.Builder event = NormalizedEvent.builder(PROVIDER, id,
                        id + "/" + status + "/" + (updatedAt == null ? "-" : updatedAt), status)
                .occurredAt(Payloads.instant(updatedAt))
                .status(callStatus)
                .direction(direction == null ? null
                        : direction.equals("inbound") ? CallDirection.INBOUND : CallDirection.OUTBOUND)
                .fromNumber(Payloads.e164(text(root, "telephony_data.from_number")))
                .toNumber(Payloads.e164(text(root, "telephony_data.to_number")))
                .providerAgentId(text(root, "agent_id"))
                .switchboardCallId(Payloads.uuid(text(root, "context_details.recipient_data.switchboard_call_id")))
                .telephonyCallSid(Payloads.twilioCallSid(root, "telephony_data.provider", "telephony_data.provider_call_id"))
                .startedAt(Payloads.instant(root, "initiated_at"))
                .durationSeconds(terminal ? Payloads.seconds(root, "telephony_data.duration") : null)
                .cost(terminal && cents != null && cents.signum() > 0 ? Payloads.dollarsFromCents(cents) : null)
                .endedReason(terminal ? (hangup == null ? status : hangup) : null)
                .disposition(terminal ? disposition(status, voicemail, conversation) : null)
                .summary(text(root, "summary"))
                .structuredData(Payloads.map(root, "extracted_data"))
                .transcriptText(transcript)
                .transcriptTurns(turns)
                .recordingUrl(text(root, "telephony_data.recording_url"))
                .raw(root);
        if (callStatus == null && !terminal && !List.of("scheduled", "rescheduled").contains(status)) {
            return Normalization.ignore(status, "Bolna status not used by the call model");
        }
        return Normalization.apply(event.build());
    }

    static CallStatus status(String status, boolean voicemail, Integer conversationSeconds) {
        return switch (status) {
            case "scheduled", "rescheduled", "queued" -> CallStatus.QUEUED;
            case "initiated" -> CallStatus.INITIATED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress" -> CallStatus.IN_PROGRESS;
            case "call-disconnected", "completed" ->
                    voicemail || (conversationSeconds != null && conversationSeconds > 0) || status.equals("call-disconnected")
                            ? CallStatus.COMPLETED : CallStatus.NO_ANSWER;
            case "busy" -> CallStatus.BUSY;
            case "no-answer" -> CallStatus.NO_ANSWER;
            case "canceled", "stopped" -> CallStatus.CANCELED;
            case "failed", "error", "balance-low" -> CallStatus.FAILED;
            default -> null;
        };
    }

    /** The mapping table for Bolna's terminal statuses (answered_by_voice_mail and conversation duration refine completed). */
    public static Disposition disposition(String status, boolean voicemail, Integer conversationSeconds) {
        return switch (status) {
            case "call-disconnected", "completed" -> voicemail ? Disposition.VOICEMAIL
                    : conversationSeconds != null && conversationSeconds > 0 ? Disposition.ANSWERED_HUMAN
                    : status.equals("completed") ? Disposition.NO_ANSWER : null;
            case "busy" -> Disposition.BUSY;
            case "no-answer" -> Disposition.NO_ANSWER;
            case "canceled", "stopped" -> Disposition.CANCELED;
            default -> Disposition.FAILED;
        };
    }

    /** Bolna's transcript is text, one "role: words" line per turn. */
    static List<TranscriptTurn> turns(String transcript) {
        if (transcript == null) {
            return null;
        }
        List<TranscriptTurn> turns = new ArrayList<>();
        for (String line : transcript.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0 && colon < 20 && !line.substring(colon + 1).isBlank()) {
                turns.add(new TranscriptTurn(Payloads.role(line.substring(0, colon).trim()), line.substring(colon + 1).trim(), null));
            }
        }
        return turns.isEmpty() ? null : turns;
    }
}
