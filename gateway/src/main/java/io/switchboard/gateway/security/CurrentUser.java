package io.switchboard.gateway.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.switchboard.gateway.identity.Organization;
import io.switchboard.gateway.identity.OrganizationRepository;
import io.switchboard.gateway.identity.Session;
import io.switchboard.gateway.identity.SessionRepository;
import io.switchboard.gateway.identity.User;
import io.switchboard.gateway.identity.UserRepository;
import io.switchboard.platform.tenant.TokenClaims;

/**
 * The caller of a gateway endpoint, from the verified access token, re-checked against the database: a valid
 * token of a since-deactivated user, ended session or suspended organization is refused at once.
 */
@RequestScoped
public class CurrentUser {

    @Inject
    JsonWebToken jwt;

    @Inject
    UserRepository users;

    @Inject
    SessionRepository sessions;

    @Inject
    OrganizationRepository organizations;

    private User user;

    public User require() {
        if (user != null) {
            return user;
        }
        if (jwt == null || jwt.getSubject() == null) {
            throw AuthProblem.unauthorized("this endpoint needs a bearer access token");
        }
        UUID id = Claims.uuid(jwt.getSubject());
        UUID tenant = Claims.uuid(Claims.string(jwt, TokenClaims.TENANT));
        User found = id == null ? null : users.findById(id);
        if (found == null || !found.tenantId.equals(tenant) || !found.active) {
            throw AuthProblem.invalidToken("the account behind this token is not active");
        }
        UUID sid = sessionId();
        if (sid != null) {
            Session session = sessions.findById(sid);
            if (session == null || !session.userId.equals(found.id) || !session.isLive(Instant.now())) {
                throw AuthProblem.invalidToken("the session of this token has ended");
            }
        }
        Organization org = organizations.findById(found.tenantId);
        if (org == null || !org.isActive()) {
            throw AuthProblem.tenantSuspended();
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
