package io.switchboard.events.call;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * An inbound call was routed (seed 004's flow): on arrival to the team number inside business hours or straight to
 * the agent outside them, and again when the team did not answer and the call fell back to the agent.
 *
 * @param routingStatus {@code transferred_to_team}, {@code direct_to_agent} or {@code team_no_answer}
 * @param reason        why: {@code inside_hours}, {@code outside_hours}, {@code holiday_closed}, {@code holiday_hours},
 *                      {@code holiday_outside_hours}, {@code no_schedule}, or for the fallback the Twilio
 *                      DialCallStatus ({@code no-answer}, {@code busy}, {@code failed})
 * @param teamNumber    E.164 the call was transferred to; null when it went to the agent
 */
public record CallRoutedV1(
        String callId,
        String phoneNumberId,
        String agentId,
        String routingStatus,
        String reason,
        String teamNumber,
        String fromNumber,
        String toNumber,
        String providerCallId,
        Instant routedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return callId;
    }
}
