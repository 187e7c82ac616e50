package io.switchboard.calls.webhook.vapi;

import static io.switchboard.calls.webhook.Payloads.at;
import static io.switchboard.calls.webhook.Payloads.text;

import java.time.Instant;
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
 * VAPI server messages ({@code {"message": {...}}}): {@code status-update} and {@code end-of-call-report} apply to
 * the call; every other message type (transcript, tool-calls, speech-update, hang, ...) is ignored.
 */
public final class VapiNormalizer implements ProviderNormalizer {

    public static final String PROVIDER = "vapi";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Normalization normalize(VerifiedDelivery delivery) {
        JsonNode root = Payloads.object(delivery.body());
        JsonNode message = root.get("message");
        if (message == null || !message.isObject()) {
            throw new MalformedPayloadException(null, "message: is required");
        }
        String type = Payloads.requiredText(message, "type", null);
        if (!type.equals("status-update") && !type.equals("end-of-call-report")) {
            return Normalization.ignore(type, "VAPI message type not used by the call model");
        }
        String callId = Payloads.requiredText(message, "call.id", type);
        CallDirection direction = direction(text(message, "call.type"));
        String customer = Payloads.e164(first(text(message, "customer.number"), text(message, "call.customer.number")));
        String line = Payloads.e164(first(text(message, "phoneNumber.number"), text(message, "call.phoneNumber.number")));
        String endedReason = first(text(message, "endedReason"), text(message, "call.endedReason"));
        Instant at = Payloads.instant(message, "timestamp");

        NormalizedEvent.Builder event = NormalizedEvent.builder(PROVIDER, callId, null, type)
                .occurredAt(at)
                .direction(direction)
                .fromNumber(direction == CallDirection.INBOUND ? customer : line)
                .toNumber(direction == CallDirection.INBOUND ? line : customer)
                .providerAgentId(first(text(message, "call.assistantId"), text(message, "assistant.id")))
                .switchboardCallId(Payloads.uuid(text(message, "call.metadata.switchboardCallId")))
                .telephonyCallSid(Payloads.twilioCallSid(message, "call.phoneCallProvider", "call.phoneCallProviderId"))
                .endedReason(endedReason)
                .raw(root);
        if (type.equals("status-update")) {
            String status = Payloads.requiredText(message, "status", type);
            CallStatus callStatus = status.equals("ended") ? terminalStatus(endedReason) : status(status);
            event.eventIdentity(callId + "/status-update/" + status)
                    .eventType(type + ":" + status)
                    .status(callStatus)
                    .startedAt(callStatus == CallStatus.IN_PROGRESS ? at : null)
                    .disposition(endedReason == null ? null : disposition(endedReason));
        } else {
            List<TranscriptTurn> turns = Payloads.turns(first(at(message, "artifact.messages"), at(message, "messages")),
                    "role", "message", "secondsFromStart");
            String transcript = first(text(message, "artifact.transcript"), text(message, "transcript"));
            event.eventIdentity(callId + "/end-of-call-report")
                    .status(terminalStatus(endedReason))
                    .disposition(endedReason == null ? null : disposition(endedReason))
                    .startedAt(Payloads.instant(message, "startedAt"))
                    .endedAt(Payloads.instant(message, "endedAt"))
                    .durationSeconds(Payloads.seconds(message, "durationSeconds"))
                    .cost(Payloads.decimal(message, "cost"))
                    .summary(first(text(message, "analysis.summary"), text(message, "summary")))
                    .successEvaluation(text(message, "analysis.successEvaluation"))
                    .structuredData(Payloads.map(message, "analysis.structuredData"))
                    .sentiment(text(message, "analysis.structuredData.sentiment"))
                    .transcriptText(transcript == null ? Payloads.text(turns) : transcript)
                    .transcriptTurns(turns)
                    .recordingUrl(first(text(message, "artifact.recordingUrl"), text(message, "recordingUrl"),
                            text(message, "artifact.recording.mono.combinedUrl")));
        }
        return Normalization.apply(event.build());
    }

    static CallStatus status(String status) {
        return switch (status) {
            case "scheduled", "queued" -> CallStatus.QUEUED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress", "forwarding" -> CallStatus.IN_PROGRESS;
            default -> null;
        };
    }

    /** The terminal status an ended reason implies; completed when VAPI does not say why. */
    static CallStatus terminalStatus(String endedReason) {
        if (endedReason == null) {
            return CallStatus.COMPLETED;
        }
        return disposition(endedReason).terminalStatus();
    }

    /**
     * The mapping table for VAPI's {@code endedReason}. VAPI has dozens of error reasons
     * ({@code pipeline-error-*}, {@code call.start.error-*}, {@code *-failed-to-connect-call}, ...): any reason not
     * listed here is a technical failure.
     */
    public static Disposition disposition(String endedReason) {
        return switch (endedReason) {
            case "customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase",
                    "assistant-ended-call-with-hangup-task", "assistant-ended-call-after-message-spoken",
                    "exceeded-max-duration" -> Disposition.ANSWERED_HUMAN;
            case "assistant-forwarded-call", "call.ringing.hook-executed-transfer" -> Disposition.TRANSFERRED;
            case "silence-timed-out", "customer-did-not-give-microphone-permission" -> Disposition.HUNG_UP;
            case "voicemail" -> Disposition.VOICEMAIL;
            case "customer-busy" -> Disposition.BUSY;
            case "customer-did-not-answer" -> Disposition.NO_ANSWER;
            case "manually-canceled", "scheduled-call-deleted" -> Disposition.CANCELED;
            default -> Disposition.FAILED;
        };
    }

    static CallDirection direction(String callType) {
        if (callType == null) {
            return null;
        }
        return switch (callType) {
            case "inboundPhoneCall" -> CallDirection.INBOUND;
            case "outboundPhoneCall" -> CallDirection.OUTBOUND;
            default -> null;
        };
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof JsonNode node && (node.isMissingNode() || node.isNull()))) {
                return value;
            }
        }
        return null;
    }
}
