package io.switchboard.platform.tenant;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.switchboard.platform.problem.ProblemException;

/**
 * Fills {@link TenantContext} for each request. Foundation stage: from the {@code X-Tenant-Id} header
 * the gateway forwards. The identity issue replaces this with a tenant read from a verified token;
 * nothing else changes because every service reads the tenant only through {@link TenantContext}.
 */
public class TenantResolver {

    public static final String HEADER = "X-Tenant-Id";

    @Inject
    TenantContext context;

    @ServerRequestFilter
    public void resolve(ContainerRequestContext request) {
        String header = request.getHeaderString(HEADER);
        if (header == null || header.isBlank()) {
            return;
        }
        try {
            context.set(UUID.fromString(header.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(HEADER, "must be a UUID");
        }
    }
}
