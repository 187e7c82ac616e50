package io.switchboard.platform.tenant;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.switchboard.platform.problem.ProblemException;

/**
 * Who the current request acts for, read only from the verified token the gateway minted (issuer,
 * audience and signature checked by smallrye-jwt). It is the single seam every query is scoped
 * through: services call {@link #require()} and never take tenant ids from headers, bodies or
 * parameters. The same tenant is set on every database connection the request uses, so PostgreSQL
 * row-level security enforces it a second time (see {@link TenantConnectionInterceptor}).
 */
@RequestScoped
public class TenantContext {

    @Inject
    JsonWebToken token;

    public Optional<UUID> current() {
        if (token == null || token.getRawToken() == null) {
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
        return token == null || token.getRawToken() == null ? Optional.empty() : Optional.ofNullable(token.getSubject());
    }

    public Set<String> scopes() {
        Object scope = token == null || token.getRawToken() == null ? null : token.getClaim(TokenClaims.SCOPE);
        return scope == null ? Set.of() : Set.of(scope.toString().replace("\"", "").trim().split("\\s+"));
    }

    /** 403 unless the token carries {@code scope}; the gateway checks route scopes too, this is defence in depth. */
    public void requireScope(String scope) {
        require();
        if (!scopes().contains(scope)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "this token lacks the scope " + scope, List.of());
        }
    }
}
