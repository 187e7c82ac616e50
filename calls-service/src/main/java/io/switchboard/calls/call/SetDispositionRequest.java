package io.switchboard.calls.call;

/**
 * A person's disposition for a call. Validated by the service after the call is found, so an unknown or foreign
 * call is 404 whatever the body.
 *
 * @param disposition one of the vocabulary in calls-service/docs/call-model.md
 * @param note        optional, up to 1000 characters, kept on the timeline
 */
public record SetDispositionRequest(String disposition, String note) {
}
