package io.switchboard.gateway.identity;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.tenant.TenantCreatedV1;
import io.switchboard.gateway.credits.CreditService;
import io.switchboard.gateway.security.AuthConfig;
import io.switchboard.gateway.security.AuthProblem;
import io.switchboard.gateway.security.CallerCache;
import io.switchboard.gateway.security.Roles;
import io.switchboard.gateway.security.Scopes;
import io.switchboard.gateway.security.Secrets;
import io.switchboard.gateway.security.TokenIssuer;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantSession;

/**
 * Sign-up, login, refresh-token rotation with reuse detection, logout and password reset. Failures that must
 * leave a trace (a failed login, a revoked family after reuse) are thrown without rolling that trace back.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = AuthProblem.class)
public class AuthService {

    private static final Logger LOG = Logger.getLogger(AuthService.class);
    private static final String BAD_LOGIN = "invalid e-mail or password";

    @Inject
    TenantSession tenantSession;

    @Inject
    CreditService credits;

    @Inject
    Outbox outbox;

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    SessionRepository sessions;

    @Inject
    RefreshTokenRepository refreshTokens;

    @Inject
    PasswordResetTokenRepository resets;

    @Inject
    LoginThrottle throttle;

    @Inject
    Passwords passwords;

    @Inject
    TokenIssuer tokens;

    @Inject
    AuthConfig config;

    @Inject
    PasswordResetMailer mailer;

    @Inject
    CallerCache callers;

    public AuthTokens signup(AuthRequests.Signup request, ClientInfo client) {
        String email = Emails.normalize(request.admin().email());
        String slug = request.organization().slug();
        String zone = request.organization().timeZone().trim();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.badField("organization.timeZone", "is not an IANA time zone such as Europe/Berlin");
        }
        if (users.findByEmail(email).isPresent()) {
            throw conflict("admin.email", "an account with this e-mail already exists");
        }
        if (organizations.findBySlug(slug).isPresent()) {
            throw conflict("organization.slug", "this slug is taken");
        }
        Instant now = Instant.now();
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.slug = slug;
        org.name = request.organization().name().trim();
        org.timeZone = zone;
        org.status = Organization.ACTIVE;
        org.createdAt = now;
        org.updatedAt = now;
        organizations.persist(org);

        User admin = newUser(org.id, email, request.admin().name().trim(), request.admin().password(), Roles.ADMIN, now);
        admin.lastLoginAt = now;
        users.persist(admin);
        // the new tenant's first tenant-owned rows (its credit account) commit with it, under its own RLS scope
        users.flush();
        tenantSession.actAs(org.id);
        credits.openAccount(org.id, admin.id);
        outbox.publish(EventCatalog.TENANT_CREATED, org.id,
                new TenantCreatedV1(org.id.toString(), org.slug, org.name, org.timeZone, now));
        LOG.infof("organization %s (%s) signed up, admin %s", org.id, slug, admin.id);
        return startSession(admin, client, now);
    }

    public AuthTokens login(AuthRequests.Login request, ClientInfo client) {
        String email = Emails.normalize(request.email());
        Instant now = Instant.now();
        throttle.check(email, client.ip(), now);
        User user = users.findByEmail(email).orElse(null);
        boolean passwordOk;
        if (user == null || user.passwordHash == null) {
            passwords.burn(request.password());
            passwordOk = false;
        } else {
            passwordOk = passwords.matches(request.password(), user.passwordHash);
        }
        throttle.record(email, client.ip(), passwordOk, now);
        if (!passwordOk) {
            LOG.infof("failed login for an account from %s", client.ip());
            throw AuthProblem.unauthorized(BAD_LOGIN);
        }
        if (!user.active) {
            throw AuthProblem.unauthorized("this account is deactivated");
        }
        requireActiveTenant(user.tenantId);
        user.lastLoginAt = now;
        LOG.infof("user %s of tenant %s logged in", user.id, user.tenantId);
        return startSession(user, client, now);
    }

    public AuthTokens refresh(String presented, ClientInfo client) {
        Instant now = Instant.now();
        RefreshToken token = refreshTokens.findByHashForUpdate(Secrets.sha256(presented))
                .orElseThrow(() -> AuthProblem.invalidToken("unknown refresh token"));
        if (token.revokedAt != null) {
            // a rotated-away (or revoked) token came back: someone else may hold the family. End all of it.
            sessions.revoke(token.familyId, "reuse", now);
            callers.invalidateAfterCommit();
            LOG.warnf("refresh token reuse in session %s of user %s (tenant %s): session revoked", token.familyId,
                    token.userId, token.tenantId);
            throw AuthProblem.invalidToken("refresh token was already used; the session has been revoked");
        }
        if (!token.expiresAt.isAfter(now)) {
            throw AuthProblem.invalidToken("refresh token expired");
        }
        Session session = sessions.findById(token.familyId);
        if (session == null || !session.isLive(now)) {
            throw AuthProblem.invalidToken("the session has ended");
        }
        User user = users.findById(token.userId);
        if (user == null || !user.active) {
            sessions.revoke(session.id, "deactivated", now);
            callers.invalidateAfterCommit();
            throw AuthProblem.invalidToken("this account is deactivated");
        }
        requireActiveTenant(user.tenantId);

        String secret = Secrets.token(43);
        RefreshToken next = newRefreshToken(session, secret, client, now);
        token.revokedAt = now;
        token.lastUsedAt = now;
        token.replacedBy = next.id;
        session.lastUsedAt = now;
        session.expiresAt = next.expiresAt;
        session.ip = client.ip();
        session.userAgent = client.userAgent();
        return tokensFor(user, session, secret, next.expiresAt);
    }

    /** Ends the session the refresh token belongs to. Unknown tokens are fine: the result is the same. */
    public void logout(String presented) {
        refreshTokens.find("tokenHash", Secrets.sha256(presented)).firstResultOptional().ifPresent(token -> {
            sessions.revoke(token.familyId, "logout", Instant.now());
            callers.invalidateAfterCommit();
            LOG.infof("user %s logged out of session %s", token.userId, token.familyId);
        });
    }

    /** Issues a reset token when the account exists and is active; the caller always answers 202. */
    public void requestPasswordReset(String email) {
        users.findByEmail(Emails.normalize(email)).filter(u -> u.active).ifPresent(user -> {
            Instant now = Instant.now();
            String secret = Secrets.token(43);
            PasswordResetToken reset = new PasswordResetToken();
            reset.id = UUID.randomUUID();
            reset.userId = user.id;
            reset.tenantId = user.tenantId;
            reset.tokenHash = Secrets.sha256(secret);
            reset.createdAt = now;
            reset.expiresAt = now.plus(config.passwordResetTtl());
            resets.persist(reset);
            mailer.send(new PasswordResetMailer.PasswordResetMail(user.email, user.name, secret, reset.expiresAt));
            LOG.infof("password reset %s issued for user %s (tenant %s)", reset.id, user.id, user.tenantId);
        });
    }

    /** Sets the new password, spends the token and ends every session of the user. */
    public void confirmPasswordReset(AuthRequests.PasswordResetConfirm request) {
        Instant now = Instant.now();
        PasswordResetToken reset = resets.findByHashForUpdate(Secrets.sha256(request.token()))
                .filter(r -> r.usedAt == null && r.expiresAt.isAfter(now))
                .orElseThrow(() -> ProblemException.badField("token", "is invalid, expired or already used"));
        User user = users.findById(reset.userId);
        if (user == null || !user.active) {
            throw ProblemException.badField("token", "is invalid, expired or already used");
        }
        reset.usedAt = now;
        user.passwordHash = passwords.hash(request.newPassword());
        user.updatedAt = now;
        sessions.revokeAllOf(user.id, "password-reset", now);
        callers.invalidateAfterCommit();
        LOG.infof("password reset %s used by user %s (tenant %s)", reset.id, user.id, user.tenantId);
    }

    User newUser(UUID tenantId, String email, String name, String password, String role, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.email = email;
        user.name = name;
        user.passwordHash = passwords.hash(password);
        user.role = role;
        user.active = true;
        user.emailVerified = false;
        user.authProvider = "email";
        user.createdAt = now;
        user.updatedAt = now;
        return user;
    }

    private AuthTokens startSession(User user, ClientInfo client, Instant now) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.tenantId = user.tenantId;
        session.createdAt = now;
        session.lastUsedAt = now;
        session.expiresAt = now.plus(config.refreshTokenTtl());
        session.ip = client.ip();
        session.userAgent = client.userAgent();
        sessions.persist(session);
        String secret = Secrets.token(43);
        RefreshToken token = newRefreshToken(session, secret, client, now);
        return tokensFor(user, session, secret, token.expiresAt);
    }

    private RefreshToken newRefreshToken(Session session, String secret, ClientInfo client, Instant now) {
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.familyId = session.id;
        token.userId = session.userId;
        token.tenantId = session.tenantId;
        token.tokenHash = Secrets.sha256(secret);
        token.createdAt = now;
        token.expiresAt = now.plus(config.refreshTokenTtl());
        token.ip = client.ip();
        token.userAgent = client.userAgent();
        refreshTokens.persist(token);
        return token;
    }

    private AuthTokens tokensFor(User user, Session session, String refreshSecret, Instant refreshExpiresAt) {
        LinkedHashSet<String> scopes = new LinkedHashSet<>(Scopes.ALL);
        String access = tokens.access(user.id, user.tenantId, user.role, scopes, session.id);
        return new AuthTokens(access, "Bearer", tokens.accessTokenTtl().toSeconds(), refreshSecret, refreshExpiresAt,
                session.id, user.id, user.tenantId, user.role, scopes);
    }

    private void requireActiveTenant(UUID tenantId) {
        Organization org = organizations.findById(tenantId);
        if (org == null || !org.isActive()) {
            throw AuthProblem.tenantSuspended();
        }
    }

    private static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "conflict", "Conflict", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
