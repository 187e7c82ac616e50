package io.switchboard.gateway.admin;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.switchboard.gateway.audit.AdminAuditLog;
import io.switchboard.gateway.identity.Organization;
import io.switchboard.gateway.identity.OrganizationRepository;
import io.switchboard.gateway.identity.OrganizationStatus;
import io.switchboard.gateway.identity.User;
import io.switchboard.gateway.identity.UserRepository;
import io.switchboard.gateway.identity.Views;
import io.switchboard.gateway.security.CallerCache;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.tenant.TenantStatusChangedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;

/**
 * What a super_admin may do across tenants. Every method, reads included, writes an admin audit entry in the
 * same transaction as its effect.
 */
@ApplicationScoped
@Transactional
public class TenantAdminService {

    @Inject
    OrganizationRepository organizations;

    @Inject
    UserRepository users;

    @Inject
    AdminAuditLog audit;

    @Inject
    CallerCache callers;

    @Inject
    Outbox outbox;

    /** The acting super_admin and where the request came from, for the audit entry. */
    public record Actor(User user, String ip, String userAgent) {
    }

    public Page<Views.OrganizationView> list(Actor actor, PageRequest page) {
        Page<Views.OrganizationView> out = Page.of(organizations.listNewestFirst(page), page,
                o -> new Cursor(o.createdAt, o.id), Views.OrganizationView::of);
        record(actor, null, "tenant.list", "organizations", "{\"count\":" + out.items().size() + "}");
        return out;
    }

    public Views.OrganizationView get(Actor actor, UUID id) {
        Organization org = find(id);
        record(actor, id, "tenant.read", "organizations/" + id, null);
        return Views.OrganizationView.of(org);
    }

    public Page<Views.UserView> users(Actor actor, UUID id, PageRequest page) {
        find(id);
        Page<Views.UserView> out = Page.of(users.listByTenant(id, page), page, u -> new Cursor(u.createdAt, u.id),
                Views.UserView::of);
        record(actor, id, "tenant.users.list", "organizations/" + id + "/users",
                "{\"count\":" + out.items().size() + "}");
        return out;
    }

    /** Suspended tenants cannot log in, refresh, or call the API (tokens and keys stop working). */
    public Views.OrganizationView setStatus(Actor actor, UUID id, OrganizationStatus status, String reason) {
        Organization org = find(id);
        OrganizationStatus before = org.status;
        org.status = status;
        org.updatedAt = Instant.now();
        callers.invalidateAfterCommit();
        if (status != before) {
            outbox.publish(EventCatalog.TENANT_STATUS_CHANGED, id,
                    new TenantStatusChangedV1(id.toString(), status.wire(), org.updatedAt));
        }
        record(actor, id, status == OrganizationStatus.SUSPENDED ? "tenant.suspend" : "tenant.activate",
                "organizations/" + id, "{\"from\":\"" + before.wire() + "\",\"to\":\"" + status.wire() + "\",\"reason\":"
                        + jsonString(reason) + "}");
        return Views.OrganizationView.of(org);
    }

    public Views.OrganizationView setRateLimit(Actor actor, UUID id, Integer perMinute) {
        Organization org = find(id);
        Integer before = org.rateLimitPerMinute;
        org.rateLimitPerMinute = perMinute;
        org.updatedAt = Instant.now();
        callers.invalidateAfterCommit();
        record(actor, id, "tenant.rate_limit", "organizations/" + id,
                "{\"from\":" + before + ",\"to\":" + perMinute + "}");
        return Views.OrganizationView.of(org);
    }

    private Organization find(UUID id) {
        Organization org = organizations.findById(id);
        if (org == null) {
            throw ProblemException.notFound("organization", id);
        }
        return org;
    }

    private void record(Actor actor, UUID target, String action, String resource, String details) {
        audit.record(actor.user().id, actor.user().tenantId, target, action, resource, details, actor.ip(),
                actor.userAgent());
    }

    private static String jsonString(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
