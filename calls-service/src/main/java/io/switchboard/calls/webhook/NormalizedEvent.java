package io.switchboard.calls.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.calls.call.CallDirection;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.call.Disposition;

/**
 * One provider event in the provider-independent shape every normalizer produces: what the event says about its
 * call. Null means "this event does not say", never "clear it". Stored (without {@link #raw}) on the timeline row
 * so a call's state can always be folded again from its events, in any arrival order.
 *
 * @param provider twilio|vapi|retell|elevenlabs|bolna
 * @param providerCallId the provider's id of the call (call SID, VAPI call id, Retell call id, ElevenLabs conversation id, Bolna execution id)
 * @param eventIdentity the provider event's identity for deduplication, unique per provider and tenant
 * @param eventType the provider's own event name, shown on the timeline
 * @param occurredAt when the provider says it happened; null if it does not say
 * @param sequence the provider's own ordering of a call's events where it has one (Twilio SequenceNumber)
 * @param status the status this event reports, null if it reports none
 * @param fromNumber E.164
 * @param toNumber E.164
 * @param providerAgentId the provider's assistant/agent id
 * @param cost in the provider's billing currency (USD for all five today)
 * @param endedReason the provider's own ended reason, verbatim
 * @param disposition the ended reason mapped to the vocabulary
 * @param switchboardCallId our call id when the call was placed through the API and the provider echoes it in its metadata
 * @param raw the provider's payload (JSON; Twilio's form fields as a JSON object), kept verbatim
 * @param telephonyCallSid an agent platform's event only: the Twilio CallSid of the phone call it handled, when the
 *        call came over Twilio (docs/inbound-routing.md "The agent's end-of-call report")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NormalizedEvent(
        String provider,
        String providerCallId,
        String eventIdentity,
        String eventType,
        Instant occurredAt,
        Long sequence,
        CallStatus status,
        CallDirection direction,
        String fromNumber,
        String toNumber,
        String providerAgentId,
        Instant startedAt,
        Instant endedAt,
        Integer durationSeconds,
        BigDecimal cost,
        String endedReason,
        Disposition disposition,
        String summary,
        String sentiment,
        String successEvaluation,
        Map<String, Object> structuredData,
        String transcriptText,
        List<TranscriptTurn> transcriptTurns,
        String transcriptLanguage,
        Double transcriptConfidence,
        String recordingUrl,
        Instant recordingExpiresAt,
        Integer recordingDurationSeconds,
        UUID switchboardCallId,
        @JsonIgnore JsonNode raw,
        String telephonyCallSid) {

    public static Builder builder(String provider, String providerCallId, String eventIdentity, String eventType) {
        return new Builder().provider(provider).providerCallId(providerCallId).eventIdentity(eventIdentity).eventType(eventType);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.provider = provider;
        b.providerCallId = providerCallId;
        b.eventIdentity = eventIdentity;
        b.eventType = eventType;
        b.occurredAt = occurredAt;
        b.sequence = sequence;
        b.status = status;
        b.direction = direction;
        b.fromNumber = fromNumber;
        b.toNumber = toNumber;
        b.providerAgentId = providerAgentId;
        b.startedAt = startedAt;
        b.endedAt = endedAt;
        b.durationSeconds = durationSeconds;
        b.cost = cost;
        b.endedReason = endedReason;
        b.disposition = disposition;
        b.summary = summary;
        b.sentiment = sentiment;
        b.successEvaluation = successEvaluation;
        b.structuredData = structuredData;
        b.transcriptText = transcriptText;
        b.transcriptTurns = transcriptTurns;
        b.transcriptLanguage = transcriptLanguage;
        b.transcriptConfidence = transcriptConfidence;
        b.recordingUrl = recordingUrl;
        b.recordingExpiresAt = recordingExpiresAt;
        b.recordingDurationSeconds = recordingDurationSeconds;
        b.switchboardCallId = switchboardCallId;
        b.raw = raw;
        b.telephonyCallSid = telephonyCallSid;
        return b;
    }

    public static final class Builder {
        private String provider;
        private String providerCallId;
        private String eventIdentity;
        private String eventType;
        private Instant occurredAt;
        private Long sequence;
        private CallStatus status;
        private CallDirection direction;
        private String fromNumber;
        private String toNumber;
        private String providerAgentId;
        private Instant startedAt;
        private Instant endedAt;
        private Integer durationSeconds;
        private BigDecimal cost;
        private String endedReason;
        private Disposition disposition;
        private String summary;
        private String sentiment;
        private String successEvaluation;
        private Map<String, Object> structuredData;
        private String transcriptText;
        private List<TranscriptTurn> transcriptTurns;
        private String transcriptLanguage;
        private Double transcriptConfidence;
        private String recordingUrl;
        private Instant recordingExpiresAt;
        private Integer recordingDurationSeconds;
        private UUID switchboardCallId;
        private JsonNode raw;
        private String telephonyCallSid;

        private Builder() {
        }

        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        public Builder providerCallId(String providerCallId) {
            this.providerCallId = providerCallId;
            return this;
        }

        public Builder eventIdentity(String eventIdentity) {
            this.eventIdentity = eventIdentity;
            return this;
        }

        public Builder eventType(String eventType) {
            this.eventType = eventType;
            return this;
        }

        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public Builder sequence(Long sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder status(CallStatus status) {
            this.status = status;
            return this;
        }

        public Builder direction(CallDirection direction) {
            this.direction = direction;
            return this;
        }

        public Builder fromNumber(String fromNumber) {
            this.fromNumber = fromNumber;
            return this;
        }

        public Builder toNumber(String toNumber) {
            this.toNumber = toNumber;
            return this;
        }

        public Builder providerAgentId(String providerAgentId) {
            this.providerAgentId = providerAgentId;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder endedAt(Instant endedAt) {
            this.endedAt = endedAt;
            return this;
        }

        public Builder durationSeconds(Integer durationSeconds) {
            this.durationSeconds = durationSeconds;
            return this;
        }

        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        public Builder endedReason(String endedReason) {
            this.endedReason = endedReason;
            return this;
        }

        public Builder disposition(Disposition disposition) {
            this.disposition = disposition;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder sentiment(String sentiment) {
            this.sentiment = sentiment;
            return this;
        }

        public Builder successEvaluation(String successEvaluation) {
            this.successEvaluation = successEvaluation;
            return this;
        }

        public Builder structuredData(Map<String, Object> structuredData) {
            this.structuredData = structuredData;
            return this;
        }

        public Builder transcriptText(String transcriptText) {
            this.transcriptText = transcriptText;
            return this;
        }

        public Builder transcriptTurns(List<TranscriptTurn> transcriptTurns) {
            this.transcriptTurns = transcriptTurns;
            return this;
        }

        public Builder transcriptLanguage(String transcriptLanguage) {
            this.transcriptLanguage = transcriptLanguage;
            return this;
        }

        public Builder transcriptConfidence(Double transcriptConfidence) {
            this.transcriptConfidence = transcriptConfidence;
            return this;
        }

        public Builder recordingUrl(String recordingUrl) {
            this.recordingUrl = recordingUrl;
            return this;
        }

        public Builder recordingExpiresAt(Instant recordingExpiresAt) {
            this.recordingExpiresAt = recordingExpiresAt;
            return this;
        }

        public Builder recordingDurationSeconds(Integer recordingDurationSeconds) {
            this.recordingDurationSeconds = recordingDurationSeconds;
            return this;
        }

        public Builder switchboardCallId(UUID switchboardCallId) {
            this.switchboardCallId = switchboardCallId;
            return this;
        }

        public Builder telephonyCallSid(String telephonyCallSid) {
            this.telephonyCallSid = telephonyCallSid;
            return this;
        }

        public Builder raw(JsonNode raw) {
            this.raw = raw;
            return this;
        }

        public NormalizedEvent build() {
            return new NormalizedEvent(provider, providerCallId, eventIdentity, eventType, occurredAt, sequence, status, direction, fromNumber, toNumber, providerAgentId, startedAt, endedAt, durationSeconds, cost, endedReason, disposition, summary, sentiment, successEvaluation, structuredData, transcriptText, transcriptTurns, transcriptLanguage, transcriptConfidence, recordingUrl, recordingExpiresAt, recordingDurationSeconds, switchboardCallId, raw, telephonyCallSid);
        }
    }
}
