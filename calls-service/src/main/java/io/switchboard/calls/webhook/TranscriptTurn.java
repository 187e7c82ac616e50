package io.switchboard.calls.webhook;

/**
 * One turn of a transcript.
 *
 * @param role          agent|user|system|tool (providers' "assistant"/"bot" become agent)
 * @param secondsFromStart when the turn began, seconds since the call started, null if the provider does not say
 */
public record TranscriptTurn(String role, String text, Double secondsFromStart) {
}
