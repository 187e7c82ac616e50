package io.switchboard.gateway.security;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Token lifetimes, password hashing, login throttling and the optional bootstrap super_admin. */
@ConfigMapping(prefix = "switchboard.auth")
public interface AuthConfig {

    /** {@code iss} of every token the gateway signs (and the services verify). */
    @WithDefault("https://switchboard.io")
    String issuer();

    /** {@code kid} in the JWS header and in the JWKS document. */
    @WithDefault("switchboard")
    String keyId();

    /** Lifetime of the access tokens clients hold. */
    @WithDefault("15m")
    Duration accessTokenTtl();

    /** Lifetime of a refresh token; every refresh issues a new one with a fresh lifetime. */
    @WithDefault("720h")
    Duration refreshTokenTtl();

    /** Lifetime of the gateway-to-service token minted per proxied request. */
    @WithDefault("60s")
    Duration internalTokenTtl();

    /** How long one caller's internal token is reused before a new one is minted (must stay well below its lifetime). */
    @WithDefault("30s")
    Duration internalTokenReuse();

    /** How long the proxy trusts what it looked up about a user / session / API key / tenant. */
    @WithDefault("10s")
    Duration lookupCacheTtl();

    /**
     * How long an API key that matched nothing is remembered as unknown, so a flood of garbage keys costs no
     * database look-ups. Creating a key clears this replica's cache; another replica may refuse a brand-new key
     * for at most this long, and only if that exact key was presented before it existed.
     */
    @WithDefault("5s")
    Duration unknownKeyCacheTtl();

    /** bcrypt cost factor (log2 rounds). */
    @WithDefault("12")
    int bcryptCost();

    /** How long a password reset link stays valid. */
    @WithDefault("30m")
    Duration passwordResetTtl();

    /** How long the e-mail verification link sent at sign-up stays valid. */
    @WithDefault("72h")
    Duration emailVerificationTtl();

    /**
     * Whether a new organization's sign-up credits wait until its admin has verified their e-mail. Off by default
     * so a local install works without mail; on in production (k8s prod overlay), so throw-away sign-ups get
     * nothing to spend. The credit account itself always opens at sign-up.
     */
    @WithDefault("false")
    boolean signupCreditsRequireVerifiedEmail();

    Throttle throttle();

    /** E-mail and password of a platform super_admin created at start-up when absent (e.g. from env in a fresh install). */
    Optional<String> superAdminEmail();

    Optional<String> superAdminPassword();

    interface Throttle {

        /** Failed logins for one e-mail (since its last success) within the window before 429. */
        @WithDefault("5")
        int maxFailuresPerEmail();

        /** Failed logins from one IP within the window before 429. */
        @WithDefault("20")
        int maxFailuresPerIp();

        @WithDefault("15m")
        Duration window();

        /** Login attempts older than this are deleted by the clean-up job. */
        @WithDefault("24h")
        Duration retention();
    }
}
