package io.switchboard.platform.tenant;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Remembers tokens whose signature, issuer, audience and expiry were already verified, until they expire. The
 * gateway reuses one internal token per caller for half a minute, so a service saw the same string verified
 * (RSA signature, JSON parsing) on every request: about 7% of calls-service's CPU under the write benchmark.
 * Only the exact token string hits the cache, and never after its {@code exp}; a token that fails
 * verification is never stored. What a token proves beyond itself (a live user or session) is still checked
 * by whoever checked it before (the gateway's {@code LiveCallers}).
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 4096;

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = Instant.now().getEpochSecond();
        JsonWebToken known = verified.get(token);
        if (known != null) {
            if (known.getExpirationTime() > now) {
                return known;
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = delegate.parse(token);
        if (fresh.getExpirationTime() > now) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(t -> t.getExpirationTime() <= now);
            }
            if (verified.size() < MAX_ENTRIES) {
                verified.put(token, fresh);
            }
        }
        return fresh;
    }
}
