package io.switchboard.gateway.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin audit log: who (actor user and tenant) did what (action) to which tenant's what (resource), from
 * where (IP, user agent). {@link #record} joins the caller's transaction, so an audited action and its audit
 * entry commit or roll back together; calling it outside a transaction is an error, not a silent gap.
 */
@ApplicationScoped
public class AdminAuditLog {

    private static final Logger LOG = Logger.getLogger(AdminAuditLog.class);
    // only literal addresses reach the inet column; anything else (a hostname, garbage) is stored as null
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * Appends one entry in the caller's transaction.
     *
     * @param details a JSON object (stored as JSONB); any other text is wrapped as {@code {"text": ...}}; null is {@code {}}.
     *                Never pass secrets (passwords, tokens, keys) here.
     * @return the entry's id
     */
    @Transactional(TxType.MANDATORY)
    public UUID record(UUID actorUserId, UUID actorTenantId, UUID targetTenantId, String action, String resource,
            String details, String ip, String userAgent) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO admin_audit_log (id, actor_user_id, actor_tenant_id, target_tenant_id, action, resource,
                                             details, ip, user_agent, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), CAST(?8 AS inet), ?9, now())""")
                .setParameter(1, id)
                .setParameter(2, actorUserId)
                .setParameter(3, actorTenantId)
                .setParameter(4, targetTenantId)
                .setParameter(5, cut(action, 100))
                .setParameter(6, cut(resource, 255))
                .setParameter(7, detailsJson(details))
                .setParameter(8, literalIp(ip))
                .setParameter(9, cut(userAgent, 512))
                .executeUpdate();
        LOG.infof("audit %s on %s by user=%s tenant=%s target=%s", action, resource, actorUserId, actorTenantId,
                targetTenantId);
        return id;
    }

    /** Newest first; both filters optional. */
    @Transactional(TxType.SUPPORTS)
    public Page<AuditEntry> search(UUID targetTenantId, String action, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (targetTenantId != null) {
            params.put("targetTenantId", targetTenantId);
            where.append(" AND target_tenant_id = :targetTenantId");
        }
        if (action != null && !action.isBlank()) {
            params.put("action", action.trim());
            where.append(" AND action = :action");
        }
        Keyset keyset = Keyset.after(page.after(), "created_at", "id", OffsetDateTime.class);
        params.put("limit", page.fetchSize());
        Query rows = em.createNativeQuery("""
                SELECT id, actor_user_id, actor_tenant_id, target_tenant_id, action, resource, details::text,
                       host(ip), user_agent, created_at
                FROM admin_audit_log""" + where + keyset.and() + keyset.orderBy() + " LIMIT :limit");
        keyset.params(params).forEach(rows::setParameter);
        List<AuditEntry> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new AuditEntry((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (String) r[8], toOffset(r[9])));
        }
        return Page.of(items, page, e -> Cursor.of(e.createdAt(), e.id()), e -> e);
    }

    private String detailsJson(String details) {
        if (details == null || details.isBlank()) {
            return "{}";
        }
        try {
            JsonNode node = json.readTree(details);
            if (node != null && node.isObject()) {
                return json.writeValueAsString(node);
            }
        } catch (JsonProcessingException e) {
            // not JSON: kept as text below
        }
        return json.createObjectNode().put("text", details).toString();
    }

    static String literalIp(String ip) {
        if (ip == null) {
            return null;
        }
        String candidate = ip.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (IPV4.matcher(candidate).matches()) {
            for (String octet : candidate.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
            return candidate;
        }
        if (candidate.length() <= 45 && IPV6.matcher(candidate).matches()) {
            try {
                // a literal with ':' is parsed, never resolved
                return java.net.InetAddress.getByName(candidate).getHostAddress().replaceAll("%.*$", "");
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
