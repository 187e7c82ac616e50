package io.switchboard.events.call;

/** ViciDial-style outcome flags of a call's disposition. */
public record CallFlagsV1(
        boolean humanAnswered,
        boolean completed,
        boolean callback,
        boolean dnc,
        boolean voicemail,
        boolean machine) {
}
