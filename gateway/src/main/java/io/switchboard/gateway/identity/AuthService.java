package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import io.switchboard.platform.time.TimeZones;
import io.switchboard.platform.tenant.TenantSession;

/**
 * Sign-up, login, refresh-token rotation with reuse detection, logout, password reset and e-mail verification.
 * Failures that must leave a trace (a failed login, a revoked family after reuse) are thrown without rolling
 * that trace back. Flows that run bcrypt (sign-up, login, reset confirmation) hash or verify first and only then
 * open their transaction ({@link Passwords}): no pooled connection waits on a hash.
 */
@ApplicationScoped
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
    EmailVerificationTokenRepository verifications;

    @Inject
    AccountMailer mailer;

    @Inject
    CallerCache callers;

    public AuthTokens signup(AuthRequests.Signup request, ClientInfo client) {
        String email = Emails.normalizeForStorage(request.admin().email(), "admin.email");
        String zone = request.organization().timeZone().trim();
        if (!TimeZones.isRegionId(zone)) {
            throw ProblemException.badField("organization.timeZone", TimeZones.MESSAGE);
        }
        String passwordHash = passwords.hash(request.admin().password());
        return QuarkusTransaction.requiringNew().call(() -> createOrganization(request, email, zone, passwordHash, client));
    }

    private AuthTokens createOrganization(AuthRequests.Signup request, String email, String zone, String passwordHash,
            ClientInfo client) {
        String slug = request.organization().slug();
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
        org.status = OrganizationStatus.ACTIVE;
        org.createdAt = now;
        org.updatedAt = now;
        organizations.persist(org);

        User admin = newUser(org.id, email, request.admin().name().trim(), passwordHash, Roles.ADMIN, now);
        admin.lastLoginAt = now;
        users.persist(admin);
        // the new tenant's first tenant-owned rows (its credit account) commit with it, under its own RLS scope
        users.flush();
        tenantSession.actAs(org.id);
        credits.openAccount(org.id, admin.id, !config.signupCreditsRequireVerifiedEmail());
        outbox.publish(EventCatalog.TENANT_CREATED, org.id,
                new TenantCreatedV1(org.id.toString(), org.slug, org.name, org.timeZone, now));
        issueEmailVerification(admin, now);
        LOG.infof("organization %s (%s) signed up, admin %s", org.id, slug, admin.id);
        return startSession(admin, client, now);
    }

    public AuthTokens login(AuthRequests.Login request, ClientInfo client) {
        String email = Emails.normalize(request.email());
        Instant now = Instant.now();
        // 1. a short read: throttled? whose hash?
        User candidate = QuarkusTransaction.requiringNew().call(() -> {
            throttle.check(email, client.ip(), now);
            return users.findByEmail(email).orElse(null);
        });
        // 2. bcrypt, holding no connection
        boolean passwordOk;
        if (candidate == null || candidate.passwordHash == null) {
            passwords.burn(request.password());
            passwordOk = false;
        } else {
            passwordOk = passwords.matches(request.password(), candidate.passwordHash);
        }
        // 3. the attempt is recorded whatever the outcome; the refusal is thrown after that commit
        LoginOutcome outcome = QuarkusTransaction.requiringNew().call(() -> {
            throttle.record(email, client.ip(), passwordOk, now);
            if (!passwordOk) {
                return new LoginOutcome(null, AuthProblem.unauthorized(BAD_LOGIN));
            }
            User user = users.findById(candidate.id);
            if (user == null || !user.active) {
                return new LoginOutcome(null, AuthProblem.unauthorized("this account is deactivated"));
            }
            Organization org = organizations.findById(user.tenantId);
            if (org == null || !org.isActive()) {
                return new LoginOutcome(null, AuthProblem.tenantSuspended());
            }
            user.lastLoginAt = now;
            LOG.infof("user %s of tenant %s logged in", user.id, user.tenantId);
            return new LoginOutcome(startSession(user, client, now), null);
        });
        if (outcome.refusal() != null) {
            if (!passwordOk) {
                LOG.infof("failed login for an account from %s", client.ip());
            }
            throw outcome.refusal();
        }
        return outcome.tokens();
    }

    private record LoginOutcome(AuthTokens tokens, AuthProblem refusal) {
    }

    @Transactional(dontRollbackOn = AuthProblem.class)
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
    @Transactional
    public void logout(String presented) {
        refreshTokens.find("tokenHash", Secrets.sha256(presented)).firstResultOptional().ifPresent(token -> {
            sessions.revoke(token.familyId, "logout", Instant.now());
            callers.invalidateAfterCommit();
            LOG.infof("user %s logged out of session %s", token.userId, token.familyId);
        });
    }

    /** Issues a reset token when the account exists and is active; the caller always answers 202. */
    @Transactional
    public void requestPasswordReset(String email) {
        users.findByEmail(Emails.normalize(email)).filter(u -> u.active).ifPresent(user -> {
            PasswordResetToken reset = new PasswordResetToken();
            String secret = reset.issueFor(user, Instant.now(), config.passwordResetTtl());
            resets.persist(reset);
            mailer.sendPasswordReset(new AccountMailer.PasswordResetMail(user.email, user.name, secret, reset.expiresAt));
            LOG.infof("password reset %s issued for user %s (tenant %s)", reset.id, user.id, user.tenantId);
        });
    }

    /** Sets the new password, spends the token and ends every session of the user. */
    public void confirmPasswordReset(AuthRequests.PasswordResetConfirm request) {
        String tokenHash = Secrets.sha256(request.token());
        // a cheap look first, so garbage tokens cost no bcrypt; the update below checks again under a lock
        boolean usable = QuarkusTransaction.requiringNew().call(() -> resets.find("tokenHash", tokenHash)
                .firstResultOptional().filter(r -> r.usableAt(Instant.now())).isPresent());
        if (!usable) {
            throw unusableToken();
        }
        String passwordHash = passwords.hash(request.newPassword());
        QuarkusTransaction.requiringNew().run(() -> resetPassword(tokenHash, passwordHash));
    }

    private void resetPassword(String tokenHash, String passwordHash) {
        Instant now = Instant.now();
        PasswordResetToken reset = resets.findByHashForUpdate(tokenHash).orElse(null);
        User user = redeem(reset, now);
        user.passwordHash = passwordHash;
        user.updatedAt = now;
        sessions.revokeAllOf(user.id, "password-reset", now);
        callers.invalidateAfterCommit();
        LOG.infof("password reset %s used by user %s (tenant %s)", reset.id, user.id, user.tenantId);
    }

    /**
     * Marks the token's user as verified and spends the token. When sign-up credits wait for a verified e-mail
     * ({@code switchboard.auth.signup-credits-require-verified-email}), this is when the organization gets them
     * (once per organization, whoever verifies).
     */
    @Transactional
    public void verifyEmail(String token) {
        Instant now = Instant.now();
        User user = redeem(verifications.findByHashForUpdate(Secrets.sha256(token)).orElse(null), now);
        user.emailVerified = true;
        user.updatedAt = now;
        tenantSession.actAs(user.tenantId);
        credits.grantSignupCredits(user.tenantId, user.id);
        LOG.infof("user %s of tenant %s verified their e-mail", user.id, user.tenantId);
    }

    /** Spends a single-use token (found under a row lock) and returns its user; 400 naming token if it cannot be used. */
    private User redeem(OneTimeToken token, Instant now) {
        if (token == null || !token.usableAt(now)) {
            throw unusableToken();
        }
        User user = users.findById(token.userId);
        if (user == null || !user.active) {
            throw unusableToken();
        }
        token.usedAt = now;
        return user;
    }

    private static ProblemException unusableToken() {
        return ProblemException.badField("token", "is invalid, expired or already used");
    }

    /** A single-use verification token for the user's address, sent through the mailer. */
    private void issueEmailVerification(User user, Instant now) {
        EmailVerificationToken verification = new EmailVerificationToken();
        String secret = verification.issueFor(user, now, config.emailVerificationTtl());
        verifications.persist(verification);
        mailer.sendEmailVerification(new AccountMailer.EmailVerificationMail(user.email, user.name, secret,
                verification.expiresAt));
    }

    /** {@code passwordHash} from {@link Passwords#hash}, computed before the caller's transaction opened. */
    User newUser(UUID tenantId, String email, String name, String passwordHash, String role, Instant now) {
        User user = new User();
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.email = email;
        user.name = name;
        user.passwordHash = passwordHash;
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
