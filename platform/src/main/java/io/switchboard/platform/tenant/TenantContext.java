package io.switchboard.platform.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.switchboard.platform.problem.ProblemException;
import io.vertx.ext.web.RoutingContext;

/**
 * Who the current request acts for, read only from the verified token the gateway minted (issuer,
 * audience and signature checked by smallrye-jwt). It is the single seam every query is scoped
 * through: services call {@link #require()} and never take tenant ids from headers, bodies or
 * parameters. The same tenant is set on every database connection the request uses, so PostgreSQL
 * row-level security enforces it a second time (see {@link TenantConnectionInterceptor}).
 * <p>
 * Requests under {@value #UNAUTHENTICATED_PREFIX} (provider webhooks) have no token here, whatever they carry: the
 * provider's own {@code Authorization} header (a Bolna bearer token, a VAPI credential) must never be read as ours,
 * or smallrye-jwt would authenticate it lazily on the first database connection and answer 401 before the webhook
 * code checks the provider's signature. Their tenant comes from the provider connection, under {@link TenantScope}.
 */
@RequestScoped
public class TenantContext {

    /** Paths authenticated by the service itself (provider signatures), never by the gateway's token. */
    public static final String UNAUTHENTICATED_PREFIX = "/webhooks/";

    @Inject
    JsonWebToken token;

    @Inject
    CurrentVertxRequest http;

    public Optional<UUID> current() {
        if (!hasToken()) {
            return Optional.empty();
        }
        Object tid = token.getClaim(TokenClaims.TENANT);
        if (tid == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(tid.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public UUID require() {
        return current().orElseThrow(() -> new ProblemException(401, "unauthorized", "Unauthorized",
                "a valid bearer token issued by the gateway is required", List.of()));
    }

    /** The authenticated subject: a user id, or {@code apikey:<id>}. */
    public Optional<String> subject() {
        return hasToken() ? Optional.ofNullable(token.getSubject()) : Optional.empty();
    }

    public Set<String> scopes() {
        Object scope = hasToken() ? token.getClaim(TokenClaims.SCOPE) : null;
        return scope == null ? Set.of() : Set.of(scope.toString().replace("\"", "").trim().split("\\s+"));
    }

    /** 403 unless the token carries {@code scope}; the gateway checks route scopes too, this is defence in depth. */
    public void requireScope(String scope) {
        require();
        if (!scopes().contains(scope)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "this token lacks the scope " + scope, List.of());
        }
    }

    /** Reading the token authenticates the request (lazily): never on a webhook path. */
    private boolean hasToken() {
        if (token == null || onUnauthenticatedPath()) {
            return false;
        }
        return token.getRawToken() != null;
    }

    private boolean onUnauthenticatedPath() {
        RoutingContext request = http == null ? null : http.getCurrent();
        return request != null && request.normalizedPath().startsWith(UNAUTHENTICATED_PREFIX);
    }
}
