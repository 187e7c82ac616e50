package io.switchboard.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.switchboard.platform.tenant.TokenClaims;

/**
 * Signs the two kinds of token of the contract (see docs/auth.md): access tokens for API clients
 * ({@code aud switchboard-api}) and the short-lived internal tokens the proxy puts on every upstream request
 * ({@code aud switchboard-services}). Keys are read once at start-up so signing never touches the disk on the
 * event loop.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String API_AUDIENCE = "switchboard-api";
    public static final String SERVICES_AUDIENCE = "switchboard-services";

    private static final Logger LOG = Logger.getLogger(TokenIssuer.class);

    @Inject
    AuthConfig config;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    String signKeyLocation;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String verifyKeyLocation;

    private volatile PrivateKey signingKey;
    private volatile PublicKey verificationKey;

    /** Internal tokens per caller, reused for {@link AuthConfig#internalTokenReuse()}. */
    private final ConcurrentHashMap<String, Minted> internal = new ConcurrentHashMap<>();

    private record Minted(String token, long mintedAtNanos) {
    }

    void load(@Observes StartupEvent start) {
        try {
            signingKey();
            publicKey();
        } catch (IllegalStateException e) {
            // keep starting: health and docs still work, and the error repeats on first use
            LOG.warnf("JWT keys not loaded yet: %s", e.getMessage());
        }
    }

    public String access(UUID userId, UUID tenantId, String role, Set<String> scopes, UUID sessionId) {
        return Jwt.issuer(config.issuer())
                .audience(API_AUDIENCE)
                .subject(userId.toString())
                .upn(userId.toString())
                .groups(Set.of(role))
                .claim(TokenClaims.TENANT, tenantId.toString())
                .claim(TokenClaims.SCOPE, Scopes.claim(scopes))
                .claim(TokenClaims.SESSION, sessionId.toString())
                .expiresIn(config.accessTokenTtl())
                .jws().keyId(config.keyId())
                .sign(signingKey());
    }

    /** The token a service sees for this caller; the same one is handed out for a while, then a fresh one. */
    public String internal(String subject, UUID tenantId, String role, Collection<String> scopes) {
        String key = subject + '|' + tenantId + '|' + role + '|' + String.join(" ", scopes);
        long now = System.nanoTime();
        Minted cached = internal.get(key);
        if (cached != null && now - cached.mintedAtNanos() < config.internalTokenReuse().toNanos()) {
            return cached.token();
        }
        if (internal.size() > 50_000) {
            internal.clear(); // bounded: worst case is re-signing
        }
        String token = Jwt.issuer(config.issuer())
                .audience(SERVICES_AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim(TokenClaims.TENANT, tenantId.toString())
                .claim(TokenClaims.SCOPE, String.join(" ", scopes))
                .expiresIn(config.internalTokenTtl())
                .jws().keyId(config.keyId())
                .sign(signingKey());
        internal.put(key, new Minted(token, now));
        return token;
    }

    public Duration accessTokenTtl() {
        return config.accessTokenTtl();
    }

    public PublicKey publicKey() {
        PublicKey key = verificationKey;
        if (key == null) {
            try {
                key = KeyUtils.decodePublicKey(read(verifyKeyLocation));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the JWT verification key at " + verifyKeyLocation, e);
            }
            verificationKey = key;
        }
        return key;
    }

    /** {@code file:relative/path}, {@code file:///absolute/path}, {@code classpath:...} or a plain path. */
    static String read(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(location.substring("classpath:".length()).replaceFirst("^/", ""))) {
                if (in == null) {
                    throw new IOException("no " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path path = location.startsWith("file:/") ? Path.of(URI.create(location))
                : Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        return Files.readString(path);
    }

    private PrivateKey signingKey() {
        PrivateKey key = signingKey;
        if (key == null) {
            try {
                key = KeyUtils.decodePrivateKey(read(signKeyLocation));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the JWT signing key at " + signKeyLocation, e);
            }
            signingKey = key;
        }
        return key;
    }
}
