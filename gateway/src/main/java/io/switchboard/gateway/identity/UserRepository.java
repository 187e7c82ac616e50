package io.switchboard.gateway.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    /** {@code email} as {@link Emails#normalize} returns it (that is how it is stored). */
    public Optional<User> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    /** Cross-tenant ids answer as if they did not exist. */
    public Optional<User> findInTenant(UUID tenantId, UUID id) {
        return find("id = ?1 and tenantId = ?2", id, tenantId).firstResultOptional();
    }

    public List<User> listByTenant(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt", tenantId);
    }
}
