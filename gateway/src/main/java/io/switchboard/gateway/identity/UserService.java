package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.gateway.security.CallerCache;
import io.switchboard.gateway.security.Roles;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;

/** Users of one organization, managed by its admins. Every lookup is scoped by the caller's tenant. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    @Inject
    UserRepository users;

    @Inject
    SessionRepository sessions;

    @Inject
    AuthService auth;

    @Inject
    CallerCache callers;

    @Inject
    Passwords passwords;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Views.UserView> list(UUID tenantId, PageRequest page) {
        return Page.of(users.listByTenant(tenantId, page), page, u -> new Cursor(u.createdAt, u.id), Views.UserView::of);
    }

    /** Not transactional itself: the password is hashed before the transaction opens (see {@link Passwords}). */
    @Transactional(Transactional.TxType.NEVER)
    public Views.UserView create(UUID tenantId, UUID actor, UserRequests.CreateUser request) {
        String passwordHash = passwords.hash(request.password());
        return QuarkusTransaction.requiringNew().call(() -> insert(tenantId, actor, request, passwordHash));
    }

    private Views.UserView insert(UUID tenantId, UUID actor, UserRequests.CreateUser request, String passwordHash) {
        String email = Emails.normalizeForStorage(request.email(), "email");
        if (users.findByEmail(email).isPresent()) {
            throw new ProblemException(409, "conflict", "Conflict", "email: an account with this e-mail already exists",
                    List.of(new Problem.FieldError("email", "an account with this e-mail already exists")));
        }
        Instant now = Instant.now();
        User user = auth.newUser(tenantId, email, request.name().trim(), passwordHash,
                request.role() == null ? Roles.USER : request.role(), now);
        user.company = request.company();
        user.phone = request.phone();
        users.persist(user);
        LOG.infof("user %s (%s) created in tenant %s by %s", user.id, user.role, tenantId, actor);
        return Views.UserView.of(user);
    }

    /** Deactivated users keep their data but cannot log in or refresh; their sessions end now. */
    public void deactivate(UUID tenantId, UUID actor, UUID id) {
        User user = users.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("user", id));
        if (user.id.equals(actor)) {
            throw ProblemException.conflict("you cannot deactivate yourself");
        }
        Instant now = Instant.now();
        user.active = false;
        user.updatedAt = now;
        sessions.revokeAllOf(user.id, "deactivated", now);
        callers.invalidateAfterCommit();
        LOG.infof("user %s of tenant %s deactivated by %s", id, tenantId, actor);
    }

    public Views.UserView activate(UUID tenantId, UUID actor, UUID id) {
        User user = users.findInTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("user", id));
        user.active = true;
        user.updatedAt = Instant.now();
        LOG.infof("user %s of tenant %s activated by %s", id, tenantId, actor);
        return Views.UserView.of(user);
    }
}
