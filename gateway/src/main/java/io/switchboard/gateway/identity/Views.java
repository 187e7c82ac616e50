package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

/** What the identity endpoints answer; never the entities. */
public final class Views {

    private Views() {
    }

    public record UserView(UUID id, UUID tenantId, String email, String name, String role, boolean active,
            boolean emailVerified, String company, String phone, Instant createdAt, Instant lastLoginAt) {

        public static UserView of(User u) {
            return new UserView(u.id, u.tenantId, u.email, u.name, u.role, u.active, u.emailVerified, u.company,
                    u.phone, u.createdAt, u.lastLoginAt);
        }
    }

    public record OrganizationView(UUID id, String slug, String name, String timeZone, OrganizationStatus status,
            Integer rateLimitPerMinute, Instant createdAt) {

        public static OrganizationView of(Organization o) {
            return new OrganizationView(o.id, o.slug, o.name, o.timeZone, o.status, o.rateLimitPerMinute, o.createdAt);
        }
    }

    public record MeView(UserView user, OrganizationView organization) {
    }

    public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip,
            String userAgent, boolean current) {

        public static SessionView of(Session s, UUID currentSession) {
            return new SessionView(s.id, s.createdAt, s.lastUsedAt, s.expiresAt, s.ip, s.userAgent,
                    s.id.equals(currentSession));
        }
    }
}
