package io.switchboard.calls.routing;

/** Seed 004's routing_status of a call, as stored and shown. */
public enum RoutingStatus {
    TRANSFERRED_TO_TEAM("transferred_to_team"),
    TEAM_NO_ANSWER("team_no_answer"),
    DIRECT_TO_AGENT("direct_to_agent"),
    COMPLETED("completed");

    private final String wire;

    RoutingStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static RoutingStatus of(String wire) {
        for (RoutingStatus s : values()) {
            if (s.wire.equals(wire)) {
                return s;
            }
        }
        return null;
    }
}
