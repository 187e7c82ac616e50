package io.switchboard.simulator.play;

/** What an answered person wants, reported in the provider's post-call analysis (structured data). */
public enum Intent {
    /** a normal conversation */
    NONE,
    /** asks to be called back at a given local time */
    CALLBACK,
    /** asks never to be called again */
    DO_NOT_CALL
}
