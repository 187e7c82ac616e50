package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

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

    /** Newest first, after the page's cursor; one row more than the limit. */
    public List<User> listByTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", Instant.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }
}
