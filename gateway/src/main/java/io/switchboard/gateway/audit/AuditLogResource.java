package io.switchboard.gateway.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;

/** The audit log, for super_admins only: every tenant's entries, filterable by target tenant and action. */
@Path("/api/v1/admin/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("super_admin")
public class AuditLogResource {

    @Inject
    AdminAuditLog auditLog;

    @GET
    public Page<AuditEntry> list(@QueryParam("targetTenantId") String targetTenantId,
            @QueryParam("action") @Size(max = 100) String action, @Valid @BeanParam PageRequest page) {
        return auditLog.search(uuid("targetTenantId", targetTenantId), action, page);
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
