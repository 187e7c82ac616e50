package io.switchboard.gateway.identity;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.platform.tenant.TenantResolver;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where the caller's identity becomes headers the services trust.
 *
 * Foundation stage: the {@code X-Tenant-Id} the client sent passes through unverified, which is what the
 * services' {@link TenantResolver} reads today. The identity issue replaces the body of {@link #apply}: verify
 * the JWT / API key, drop whatever identity headers the client sent, and set {@code X-Tenant-Id} (and the user)
 * from the verified token. Nothing else in the gateway or the services needs to change.
 */
@ApplicationScoped
public class IdentityForwarding {

    public void apply(HttpServerRequest incoming, MultiMap upstream) {
        String tenant = incoming.getHeader(TenantResolver.HEADER);
        upstream.remove(TenantResolver.HEADER);
        if (tenant != null && !tenant.isBlank()) {
            upstream.set(TenantResolver.HEADER, tenant.trim());
        }
    }
}
