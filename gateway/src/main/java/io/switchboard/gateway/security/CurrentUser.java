package io.switchboard.gateway.security;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.switchboard.gateway.identity.User;
import io.switchboard.gateway.identity.UserRepository;
import io.switchboard.platform.tenant.TokenClaims;

/**
 * The caller of a gateway endpoint, from the verified access token, re-checked by {@link LiveCallers} (also
 * applied to every endpoint by {@link LiveUserFilter}): a valid token of a since-deactivated user, ended session
 * or suspended organization is refused.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken jwt;

    @Inject
    UserRepository users;

    @Inject
    LiveCallers callers;

    private User user;

    public User require() {
        if (user != null) {
            return user;
        }
        if (jwt == null || jwt.getSubject() == null) {
            throw AuthProblem.unauthorized("this endpoint needs a bearer access token");
        }
        // LiveUserFilter ran the same check before the endpoint; repeating it here is a cache hit
        User found = users.findById(callers.requireLive(jwt));
        if (found == null) {
            throw AuthProblem.invalidToken("the account behind this token is not active");
        }
        user = found;
        return found;
    }

    public UUID tenantId() {
        return require().tenantId;
    }

    public UUID sessionId() {
        return Claims.uuid(Claims.string(jwt, TokenClaims.SESSION));
    }
}
