package io.switchboard.contacts.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;

/** Every query takes the tenant: there is no way to load a contact without saying whose it is. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The tenant's contact, or 404: what every endpoint nested under {@code /contacts/{contactId}} checks first. */
    public Contact require(UUID tenantId, UUID id) {
        return findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    /** The phone's primary contact: a possible duplicate (keep_both import) never answers for the number. */
    public Optional<Contact> findByPhone(UUID tenantId, String e164) {
        return find("tenantId = ?1 and phone = ?2 and duplicateOf is null", tenantId, e164).firstResultOptional();
    }

    /**
     * Row locks on two of the tenant's contacts, taken in id order (two opposite merges cannot deadlock); a
     * copy already in the session is refreshed so the caller sees the locked state.
     */
    public void lockInIdOrder(UUID tenantId, UUID a, UUID b) {
        getEntityManager().createNativeQuery("SELECT id FROM contact WHERE tenant_id = ?1 AND id IN (?2, ?3) ORDER BY id FOR UPDATE")
                .setParameter(1, tenantId).setParameter(2, a).setParameter(3, b).getResultList();
        for (UUID id : new UUID[] { a, b }) {
            Contact loaded = getEntityManager().find(Contact.class, id);
            if (loaded != null) {
                getEntityManager().refresh(loaded);
            }
        }
    }

    /** What {@code q} searches, lower-cased: the full name, the phone, the e-mail and the company. */
    static final String SEARCH_TEXT = "lower(concat_ws(' ', c.first_name, c.last_name, c.phone, c.email, c.company))";

    /**
     * The contacts matching every given filter, in the search's order after the page's cursor; one row more
     * than the limit (see {@link PageRequest#fetchSize()}). Native SQL for the array operator and the generated
     * key columns of V4. {@code e164} is the phone filter already normalized.
     */
    @SuppressWarnings("unchecked")
    public List<Contact> search(UUID tenantId, ContactSearch search, String e164, PageRequest page) {
        ContactSort sort = search.sortOrder();
        Keyset keyset = Keyset.sorted(page.after(search.cursorSort()), sort.expression, sort.bind, "c.id", search.ascending());
        StringBuilder sql = new StringBuilder("SELECT c.* FROM contact c WHERE c.tenant_id = :tenantId");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        if (present(search.q)) {
            sql.append(" AND ").append(SEARCH_TEXT).append(" LIKE lower(:q)");
            params.put("q", contains(search.q));
        }
        List<String> tags = ContactRules.normalizeTags(search.tag);
        if (!tags.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < tags.size(); i++) {
                names.add(":tag" + i);
                params.put("tag" + i, tags.get(i));
            }
            sql.append(" AND c.tags @> cast(ARRAY[").append(String.join(", ", names)).append("] as text[])");
        }
        if (e164 != null) {
            sql.append(" AND c.phone = :phone");
            params.put("phone", e164);
        }
        if (present(search.email)) {
            sql.append(" AND c.email_key = lower(:email)");
            params.put("email", search.email.strip());
        }
        if (present(search.company)) {
            sql.append(" AND lower(c.company) LIKE lower(:company)");
            params.put("company", contains(search.company));
        }
        sql.append(keyset.and()).append(keyset.orderBy()).append(" LIMIT :limit");
        params.put("limit", page.fetchSize());
        Query query = getEntityManager().createNativeQuery(sql.toString(), Contact.class);
        keyset.params(params).forEach(query::setParameter);
        return query.getResultList();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A LIKE pattern matching {@code text} anywhere, its own % _ \ taken literally (the SQL lower-cases both sides). */
    static String contains(String text) {
        String escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
