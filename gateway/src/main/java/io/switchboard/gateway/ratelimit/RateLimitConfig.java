package io.switchboard.gateway.ratelimit;

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
}
