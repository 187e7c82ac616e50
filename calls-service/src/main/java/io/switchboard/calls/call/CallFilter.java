package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.switchboard.platform.problem.ProblemException;

/** The list filters of GET /api/v1/calls; all optional, combined with AND. */
public class CallFilter {

    @QueryParam("agentId")
    @Parameter(description = "calls of this agent")
    UUID agentId;

    @QueryParam("campaignId")
    UUID campaignId;

    @QueryParam("contactId")
    UUID contactId;

    @QueryParam("status")
    @Parameter(description = "queued|initiated|ringing|in_progress|completed|busy|no_answer|failed|canceled")
    String status;

    @QueryParam("disposition")
    @Parameter(description = "a disposition of the vocabulary, e.g. answered_human, voicemail, no_answer")
    String disposition;

    @QueryParam("direction")
    @Parameter(description = "inbound|outbound")
    String direction;

    @QueryParam("provider")
    @Parameter(description = "twilio|vapi|retell|elevenlabs|bolna")
    String provider;

    @QueryParam("providerCallId")
    @Parameter(description = "the provider's call id (call SID, VAPI/Retell call id, ElevenLabs conversation id, Bolna execution id)")
    String providerCallId;

    @QueryParam("from")
    @Parameter(description = "created at or after (ISO-8601 with offset, e.g. 2026-11-01T00:00:00Z)")
    OffsetDateTime from;

    @QueryParam("to")
    @Parameter(description = "created before (ISO-8601 with offset)")
    OffsetDateTime to;

    public static CallFilter none() {
        return new CallFilter();
    }

    /** The parsed filters; 400 naming the parameter for a value outside its vocabulary. */
    Criteria criteria() {
        CallStatus parsedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                parsedStatus = CallStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "must be one of queued, initiated, ringing, in_progress, "
                        + "completed, busy, no_answer, failed, canceled");
            }
        }
        Disposition parsedDisposition = disposition == null || disposition.isBlank() ? null
                : Disposition.parse(disposition).orElseThrow(() -> ProblemException.badField("disposition",
                        "must be one of " + Arrays.stream(Disposition.values()).map(Disposition::wire)
                                .collect(Collectors.joining(", "))));
        CallDirection parsedDirection = null;
        if (direction != null && !direction.isBlank()) {
            try {
                parsedDirection = CallDirection.fromWire(direction);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("direction", "must be inbound or outbound");
            }
        }
        if (provider != null && !provider.isBlank() && !PROVIDERS.contains(provider)) {
            throw ProblemException.badField("provider", "must be one of " + String.join(", ", PROVIDERS));
        }
        if (providerCallId != null && providerCallId.length() > 200) {
            throw ProblemException.badField("providerCallId", "must be at most 200 characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badField("to", "must be after from");
        }
        return new Criteria(agentId, campaignId, contactId, parsedStatus, parsedDisposition, parsedDirection,
                blankToNull(provider), blankToNull(providerCallId), from, to);
    }

    static final List<String> PROVIDERS = List.of("twilio", "vapi", "retell", "elevenlabs", "bolna");

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    record Criteria(UUID agentId, UUID campaignId, UUID contactId, CallStatus status, Disposition disposition,
            CallDirection direction, String provider, String providerCallId, OffsetDateTime from, OffsetDateTime to) {

        /** HQL conditions (each served by an index of V6) and their named parameters. */
        String where(Map<String, Object> params) {
            StringBuilder where = new StringBuilder();
            add(where, params, "agentId", agentId);
            add(where, params, "campaignId", campaignId);
            add(where, params, "contactId", contactId);
            add(where, params, "status", status);
            add(where, params, "disposition", disposition);
            add(where, params, "direction", direction);
            add(where, params, "provider", provider);
            add(where, params, "providerCallId", providerCallId);
            if (from != null) {
                where.append(" and createdAt >= :fromTime");
                params.put("fromTime", from);
            }
            if (to != null) {
                where.append(" and createdAt < :toTime");
                params.put("toTime", to);
            }
            return where.toString();
        }

        private static void add(StringBuilder where, Map<String, Object> params, String field, Object value) {
            if (value != null) {
                where.append(" and ").append(field).append(" = :").append(field);
                params.put(field, value);
            }
        }
    }
}
