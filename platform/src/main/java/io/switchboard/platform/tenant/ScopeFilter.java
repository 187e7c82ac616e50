package io.switchboard.platform.tenant;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Defence in depth behind the gateway: a service answers {@code /api/v1/**} only when the internal token carries
 * the route's scope ({@link RouteScopes}, with the resource {@code switchboard.service.scope}, e.g. calls), so a
 * token minted for a read cannot write even if it reaches the service some other way. No token is 401 as before,
 * a missing scope 403 naming it. Other paths ({@code /webhooks/**}, {@code /q/**}) are not checked, and neither is
 * a service without {@code switchboard.service.scope} (the gateway, which checks its own routes).
 */
public class ScopeFilter {

    private static final String API = "/api/v1/";

    @Inject
    TenantContext tenant;

    @ConfigProperty(name = "switchboard.service.scope")
    Optional<String> resource;

    @ServerRequestFilter
    public void requireRouteScope(ContainerRequestContext request) {
        if (resource.isEmpty() || !request.getUriInfo().getPath().startsWith(API)) {
            return;
        }
        tenant.requireScope(RouteScopes.required(resource.get(), request.getMethod()));
    }
}
