package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code switchboard.dialer.*}: the dispatcher's knobs (docs/dispatcher.md "Configuration"). */
@ConfigMapping(prefix = "switchboard.dialer")
public interface DispatcherConfig {

    /** Whether this instance runs the dispatch loop and the lease reaper (every replica may). */
    @WithDefault("true")
    boolean enabled();

    /** The lease owner id of this instance; default: a random id per process start. */
    Optional<String> instanceId();

    /**
     * How often an idle dispatcher looks for due rows (a round that finds work runs again at once). An idle round is
     * two index probes; the interval bounds how long a row that falls due waits before its claim.
     */
    @WithDefault("0.2s")
    Duration every();

    /** Claims per tenant per round: the round-robin quantum that keeps one backlog from starving the others. */
    @WithDefault("50")
    int tenantQuantum();

    /**
     * Tenant turns of a round that run at the same time, each in its own transaction on its own connection. A turn
     * spends most of its time waiting for PostgreSQL (a dozen statements); run one after the other, a round of 100
     * tenants took seconds and a row falling due waited for it (docs/dispatcher.md "Benchmark"; 8 measured better
     * than 4 there). At most this many of the datasource's connections (20) are the dispatcher's.
     */
    @WithDefault("8")
    int turnConcurrency();

    /** Tenants served per round (the next round starts where this one stopped). */
    @WithDefault("200")
    int tenantsPerRound();

    /** A claimed row's lease: past it with no call, the same dial request is re-published. Above the 30 s hook maximum. */
    @WithDefault("60s")
    Duration lease();

    /** A dial request's notAfter is at most this far after the claim (and never past the window's end). */
    @WithDefault("30s")
    Duration dispatchDeadline();

    /** A slot whose call never reports a terminal event is released this long after call.initiated. */
    @WithDefault("2h")
    Duration maxCallDuration();

    /** Concurrent calls per tenant unless /api/v1/dialer-settings says otherwise. */
    @WithDefault("10")
    int defaultTenantLimit();

    /** When a skip has no computable next moment (replica behind, credits, hook, blocked number): retry after this. */
    @WithDefault("1m")
    Duration recheckAfter();

    /** A number on a DNC list or opted out is looked at again after this (it stays queued, never dialed meanwhile). */
    @WithDefault("1h")
    Duration blockedRecheckAfter();

    /** The contacts/credits replicas count as current only if their consumer caught up within this (fail closed). */
    @WithDefault("2m")
    Duration replicaMaxStaleness();

    /** How often the consumer lag of the replica topics is measured. */
    @WithDefault("5s")
    Duration replicaProbeEvery();

    /** The daily window for direct calls and for campaigns without one (recipient-local, every day). */
    @WithDefault("08:00")
    LocalTime defaultWindowStart();

    @WithDefault("21:00")
    LocalTime defaultWindowEnd();

    /** Whether the pre-dial hook may use plain http to localhost (tests only; production demands https). */
    @WithDefault("false")
    boolean hookAllowLocalHttp();
}
