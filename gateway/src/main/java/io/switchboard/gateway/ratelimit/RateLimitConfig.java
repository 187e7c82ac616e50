package io.switchboard.gateway.ratelimit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request budgets at the proxy. Per-tenant and per-key overrides live in the database. */
@ConfigMapping(prefix = "switchboard.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Requests per minute for a tenant whose {@code organizations.rate_limit_per_minute} is null. */
    @WithDefault("600")
    int tenantPerMinute();

    /** Requests per minute for an API key whose {@code api_keys.rate_limit_per_minute} is null. */
    @WithDefault("300")
    int apiKeyPerMinute();

    /** Limits per client IP (the socket peer, or the client a trusted proxy names), in memory per replica. */
    Client client();

    interface Client {

        /** Failed authentications (any 401: bad token, unknown API key, wrong password) per IP per window. */
        @WithDefault("30")
        int failedAuthPerIp();

        @WithDefault("15m")
        Duration failedAuthWindow();

        /** Sign-up requests per IP per window (counted whether or not they succeed). */
        @WithDefault("5")
        int signupPerIp();

        /** Sign-up requests of all clients together per window, the ceiling a distributed flood meets. */
        @WithDefault("100")
        int signupGlobal();

        @WithDefault("1h")
        Duration signupWindow();
    }
}
