package io.switchboard.events;

/**
 * Kafka topics, one per aggregate stream. The Kafka key is always the aggregate id (the CloudEvent
 * {@code subject}), so every event of one call / contact / campaign lands on one partition in order.
 */
public final class Topics {
    public static final String CALLS = "switchboard.calls";
    public static final String CONTACTS = "switchboard.contacts";
    public static final String CAMPAIGNS = "switchboard.campaigns";
    /** Dial requests (campaigns-service → calls-service) and their expiry, keyed by queue item id. */
    public static final String DIALS = "switchboard.dials";
    public static final String IDENTITY = "switchboard.identity";
    public static final String CREDITS = "switchboard.credits";
    /** Compacted: the latest KPI snapshot per key. */
    public static final String KPIS = "switchboard.kpis";

    private Topics() {
    }
}
