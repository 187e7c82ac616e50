package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.gateway.security.AuthConfig;
import io.switchboard.gateway.security.Roles;

/**
 * Sign-up only ever creates admins of their own organization; the platform's first super_admin comes from
 * {@code SWITCHBOARD_SUPER_ADMIN_EMAIL} / {@code SWITCHBOARD_SUPER_ADMIN_PASSWORD} at start-up (created once,
 * in an organization of its own, never overwritten afterwards).
 */
@ApplicationScoped
public class SuperAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(SuperAdminBootstrap.class);
    static final String PLATFORM_SLUG = "switchboard-platform";

    @Inject
    AuthConfig config;

    @Inject
    UserRepository users;

    @Inject
    OrganizationRepository organizations;

    @Inject
    AuthService auth;

    @Inject
    Passwords passwords;

    void ensure(@Observes StartupEvent start) {
        if (config.superAdminEmail().isEmpty() || config.superAdminPassword().isEmpty()) {
            return;
        }
        String email = Emails.normalize(config.superAdminEmail().get());
        if (QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email).isPresent())) {
            return;
        }
        String passwordHash = passwords.hash(config.superAdminPassword().get()); // before the transaction opens
        QuarkusTransaction.requiringNew().run(() -> create(email, passwordHash));
    }

    private void create(String email, String passwordHash) {
        if (users.findByEmail(email).isPresent()) {
            return; // another replica was quicker
        }
        Instant now = Instant.now();
        Organization platform = organizations.findBySlug(PLATFORM_SLUG).orElseGet(() -> {
            Organization org = new Organization();
            org.id = UUID.randomUUID();
            org.slug = PLATFORM_SLUG;
            org.name = "Switchboard platform";
            org.timeZone = "UTC";
            org.status = OrganizationStatus.ACTIVE;
            org.createdAt = now;
            org.updatedAt = now;
            organizations.persist(org);
            return org;
        });
        User admin = auth.newUser(platform.id, email, "Platform administrator", passwordHash, Roles.SUPER_ADMIN, now);
        users.persist(admin);
        LOG.infof("super_admin %s created in organization %s", admin.id, platform.id);
    }
}
