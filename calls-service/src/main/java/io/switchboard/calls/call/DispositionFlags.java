package io.switchboard.calls.call;

/** ViciDial-style outcome flags of a {@link Disposition}. */
public record DispositionFlags(
        boolean humanAnswered,
        boolean completed,
        boolean callback,
        boolean dnc,
        boolean voicemail,
        boolean machine) {

    public static final DispositionFlags NONE = new DispositionFlags(false, false, false, false, false, false);

    static DispositionFlags of(boolean humanAnswered, boolean completed, boolean callback, boolean dnc,
            boolean voicemail, boolean machine) {
        return new DispositionFlags(humanAnswered, completed, callback, dnc, voicemail, machine);
    }
}
