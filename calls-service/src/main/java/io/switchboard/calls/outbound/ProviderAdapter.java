package io.switchboard.calls.outbound;

import io.switchboard.calls.connection.Provider;

/**
 * Places one outbound call at one provider: a single request, no retries of its own (the caller's
 * {@link ConnectionGuards} decides). Returns the provider's call id; throws a {@link DialFailure} otherwise.
 * Which adapter serves a dial is decided by the connection's provider, in {@link ProviderAdapters} only.
 */
public interface ProviderAdapter {

    Provider provider();

    /** Whether the caller number must carry the provider's id for it (VAPI phoneNumberId, ElevenLabs). */
    default boolean needsNumberSid() {
        return false;
    }

    /** Whether a caller number is required at all (Bolna may dial from the agent's own number). */
    default boolean needsFromNumber() {
        return true;
    }

    String dial(ProviderDial dial);
}
