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
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    public Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Newest first, after the page's cursor; one row more than the limit. */
    public List<Organization> listNewestFirst(PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", Instant.class);
        return find("from Organization" + keyset.where() + keyset.orderBy(), keyset.params(Map.of()))
                .range(0, page.fetchSize() - 1).list();
    }
}
