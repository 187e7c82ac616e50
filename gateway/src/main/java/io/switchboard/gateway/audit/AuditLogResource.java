package io.switchboard.gateway.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.switchboard.platform.problem.ProblemException;

/** The audit log, for super_admins only: every tenant's entries, filterable by target tenant and action. */
@Path("/api/v1/admin/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("super_admin")
public class AuditLogResource {

    @Inject
    AdminAuditLog auditLog;

    @GET
    public AuditLogPage list(@QueryParam("targetTenantId") String targetTenantId, @QueryParam("action") String action,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return auditLog.search(uuid("targetTenantId", targetTenantId), action, page, size);
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be a UUID");
        }
    }
}
