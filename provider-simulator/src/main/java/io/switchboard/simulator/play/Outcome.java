package io.switchboard.simulator.play;

/** How a simulated call ends. */
public enum Outcome {
    ANSWERED, BUSY, NO_ANSWER, VOICEMAIL, FAILED,
    /** accepted by the provider, then never a webhook: the platform's stuck-call handling must notice */
    SILENT
}
