package io.switchboard.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Optional<User> findByEmail(String email) {
        return find("email", email.toLowerCase()).firstResultOptional();
    }

    /** Cross-tenant ids answer as if they did not exist. */
    public Optional<User> findInTenant(UUID tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    public List<User> listByTenant(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt", tenantId);
    }
}
