package io.switchboard.calls.outbound;

/**
 * Why a dial request cannot be placed at all (before any provider request): the reason of its {@code call.failed}.
 * The wire values are the contract's ({@link io.switchboard.events.call.CallFailedV1#reason()}).
 */
public enum DialRejection {
    UNKNOWN_AGENT("unknown_agent"),
    AGENT_DISABLED("agent_disabled"),
    CONNECTION_DISABLED("connection_disabled"),
    INVALID_NUMBER("invalid_number");

    private final String wire;

    DialRejection(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Thrown while resolving a request; caught by the handler, never leaves it. */
    static final class Refused extends RuntimeException {
        final DialRejection reason;

        Refused(DialRejection reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    Refused because(String detail) {
        return new Refused(this, detail);
    }
}
