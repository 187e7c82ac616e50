package io.switchboard.calls.webhook.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.Normalization;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Payloads;
import io.switchboard.calls.webhook.ProviderNormalizer;
import io.switchboard.calls.webhook.VerifiedDelivery;

/**
 * Twilio's voice webhook ({@code /voice}, an incoming call asking for TwiML) and status callbacks ({@code /status},
 * form-encoded call progress events numbered by {@code SequenceNumber}, including recording fields).
 */
public final class TwilioNormalizer implements ProviderNormalizer {

    public static final String PROVIDER = "twilio";

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Normalization normalize(VerifiedDelivery delivery) {
        String subpath = delivery.subpath() == null ? "" : delivery.subpath();
        if (!subpath.equals("voice") && !subpath.equals("status")) {
            return Normalization.ignore(subpath, "Twilio posts to /voice or /status only");
        }
        Map<String, String> form = form(delivery.body());
        String status = form.get("CallStatus");
        String eventType = subpath + (status == null ? "" : ":" + status);
        String callSid = form.get("CallSid");
        if (callSid == null || callSid.isBlank()) {
            throw new MalformedPayloadException(eventType, "CallSid: is required");
        }
        String sequence = form.get("SequenceNumber");
        // a retry repeats all of these; two different progress events differ in status or sequence number
        String identity = String.join("/", callSid, subpath, nullToDash(status), nullToDash(sequence),
                nullToDash(form.get("RecordingSid")));

        CallStatus callStatus = status == null ? null : status(status);
        Instant at = Payloads.instant(form.get("Timestamp"));
        boolean terminal = callStatus != null && callStatus.terminal();
        String answeredBy = form.get("AnsweredBy");
        NormalizedEvent.Builder event = NormalizedEvent.builder(PROVIDER, callSid, identity, eventType)
                .occurredAt(at)
                .sequence(parseLong(sequence))
                .status(callStatus)
                .direction(direction(form.get("Direction")))
                .fromNumber(Payloads.e164(form.get("From")))
                .toNumber(Payloads.e164(form.get("To")))
                .startedAt(callStatus == CallStatus.IN_PROGRESS ? at : null)
                .endedAt(terminal ? at : null)
                .durationSeconds(parseInt(form.get("CallDuration")))
                .endedReason(terminal ? (answeredBy == null ? status : status + "/" + answeredBy) : null)
                .disposition(terminal ? disposition(status, answeredBy) : null)
                .recordingUrl(form.get("RecordingUrl"))
                .recordingDurationSeconds(parseInt(form.get("RecordingDuration")))
                .raw(raw(form));
        return Normalization.apply(event.build());
    }

    /** Twilio CallStatus → the call status machine; an unknown value is no status at all. */
    static CallStatus status(String callStatus) {
        return switch (callStatus) {
            case "queued" -> CallStatus.QUEUED;
            case "initiated" -> CallStatus.INITIATED;
            case "ringing" -> CallStatus.RINGING;
            case "in-progress", "answered" -> CallStatus.IN_PROGRESS;
            case "completed" -> CallStatus.COMPLETED;
            case "busy" -> CallStatus.BUSY;
            case "no-answer" -> CallStatus.NO_ANSWER;
            case "failed" -> CallStatus.FAILED;
            case "canceled" -> CallStatus.CANCELED;
            default -> null;
        };
    }

    /** The mapping table for Twilio's terminal CallStatus, refined by answering machine detection (AnsweredBy). */
    public static Disposition disposition(String callStatus, String answeredBy) {
        return switch (callStatus) {
            case "completed" -> switch (answeredBy == null ? "human" : answeredBy) {
                case "machine_end_beep", "machine_end_silence", "machine_end_other" -> Disposition.VOICEMAIL;
                case "machine_start", "fax" -> Disposition.MACHINE;
                default -> Disposition.ANSWERED_HUMAN;
            };
            case "busy" -> Disposition.BUSY;
            case "no-answer" -> Disposition.NO_ANSWER;
            case "canceled" -> Disposition.CANCELED;
            default -> Disposition.FAILED;
        };
    }

    static CallDirection direction(String direction) {
        if (direction == null) {
            return null;
        }
        return direction.toLowerCase(Locale.ROOT).startsWith("outbound") ? CallDirection.OUTBOUND : CallDirection.INBOUND;
    }

    /** The form fields of a Twilio callback, first value of each (also read by inbound routing). */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isBlank()) {
            throw new MalformedPayloadException(null, "body: must be form-encoded Twilio parameters");
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new MalformedPayloadException(null, "body: is not valid form encoding");
            }
        }
        return form;
    }

    private static ObjectNode raw(Map<String, String> form) {
        ObjectNode raw = Payloads.JSON.createObjectNode();
        form.forEach(raw::put);
        return raw;
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer parseInt(String value) {
        Long parsed = parseLong(value);
        return parsed == null || parsed < 0 || parsed > Integer.MAX_VALUE ? null : parsed.intValue();
    }
}
