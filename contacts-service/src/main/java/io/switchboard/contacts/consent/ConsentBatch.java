package io.switchboard.contacts.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.consent.ConsentRevokedV1;

/**
 * Consent records in bulk, on the caller's transaction connection (the list importer's chunk): one statement per chunk
 * whatever its size, the same rules as {@link ConsentService#grant} (channel, type, expiry after capture). The caller
 * publishes the returned consent.granted / consent.revoked payloads in the same transaction.
 */
public final class ConsentBatch {

    public static final List<String> CHANNELS = List.of("voice", "sms", "email");
    public static final List<String> TYPES = List.of("prior_express_written", "prior_express", "existing_relationship");
    public static final int MAX_SOURCE = 100;
    /** The source of an imported consent whose row names none. */
    public static final String IMPORT_SOURCE = "import";

    /** One consent to record for the contact that has {@code phone} (E.164) in the tenant; capturedAt null = now. */
    public record Grant(String phone, String channel, String type, String source, OffsetDateTime capturedAt, String evidence,
            OffsetDateTime expiresAt) {
    }

    private ConsentBatch() {
    }

    /**
     * Records each grant for the contact with its phone; a grant equal (contact, channel, type, capture time) to an
     * unrevoked consent already recorded is not recorded twice (a re-imported file adds nothing).
     */
    public static List<ConsentGrantedV1> grant(Connection connection, UUID tenantId, UUID importId, List<Grant> grants,
            OffsetDateTime now) throws SQLException {
        List<ConsentGrantedV1> granted = new ArrayList<>();
        if (grants.isEmpty()) {
            return granted;
        }
        int n = grants.size();
        UUID[] ids = new UUID[n];
        String[] phones = new String[n];
        String[] channels = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        Timestamp[] captured = new Timestamp[n];
        String[] evidence = new String[n];
        Timestamp[] expires = new Timestamp[n];
        Map<UUID, Grant> byId = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Grant grant = grants.get(i);
            ids[i] = UUID.randomUUID();
            byId.put(ids[i], grant);
            phones[i] = grant.phone();
            channels[i] = grant.channel();
            types[i] = grant.type();
            sources[i] = grant.source();
            captured[i] = Timestamp.from(capturedAt(grant, now).toInstant());
            evidence[i] = grant.evidence();
            expires[i] = grant.expiresAt() == null ? null : Timestamp.from(grant.expiresAt().toInstant());
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO consent (id, tenant_id, contact_id, channel, consent_type, source, captured_at, evidence,
                    expires_at, created_at, updated_at, source_import_id)
                SELECT DISTINCT ON (c.id, u.channel, u.consent_type, u.captured_at)
                    u.id, c.tenant_id, c.id, u.channel, u.consent_type, u.source, u.captured_at, u.evidence, u.expires_at,
                    ?, ?, ?
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::timestamptz[])
                    AS u(id, phone, channel, consent_type, source, captured_at, evidence, expires_at)
                JOIN contact c ON c.tenant_id = ? AND c.phone = u.phone AND c.duplicate_of IS NULL
                WHERE NOT EXISTS (SELECT 1 FROM consent s WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id
                    AND s.channel = u.channel AND s.consent_type = u.consent_type AND s.captured_at = u.captured_at
                    AND s.revoked_at IS NULL)
                RETURNING id, contact_id""")) {
            int p = 1;
            insert.setTimestamp(p++, Timestamp.from(now.toInstant()));
            insert.setTimestamp(p++, Timestamp.from(now.toInstant()));
            insert.setObject(p++, importId);
            insert.setArray(p++, connection.createArrayOf("uuid", ids));
            insert.setArray(p++, connection.createArrayOf("text", phones));
            insert.setArray(p++, connection.createArrayOf("text", channels));
            insert.setArray(p++, connection.createArrayOf("text", types));
            insert.setArray(p++, connection.createArrayOf("text", sources));
            insert.setArray(p++, connection.createArrayOf("timestamptz", captured));
            insert.setArray(p++, connection.createArrayOf("text", evidence));
            insert.setArray(p++, connection.createArrayOf("timestamptz", expires));
            insert.setObject(p, tenantId);
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    Grant grant = byId.get(id);
                    granted.add(new ConsentGrantedV1(id.toString(), rs.getObject(2, UUID.class).toString(), grant.phone(),
                            grant.channel(), grant.type(), grant.source(), capturedAt(grant, now).toInstant(),
                            grant.expiresAt() == null ? null : grant.expiresAt().toInstant()));
                }
            }
        }
        return granted;
    }

    /** Whether the grant can be stored: an expiry must come after the capture (which defaults to {@code now}). */
    public static boolean expiresAfterCapture(Grant grant, OffsetDateTime now) {
        return grant.expiresAt() == null || grant.expiresAt().isAfter(capturedAt(grant, now));
    }

    /**
     * Deletes the consents import {@code importId} recorded; returns consent.revoked payloads for those still in force
     * on contacts that stay (a contact the import created is deleted with its contact.deleted event).
     */
    public static List<ConsentRevokedV1> removeImported(Connection connection, UUID tenantId, UUID importId, OffsetDateTime now)
            throws SQLException {
        List<ConsentRevokedV1> revoked = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement("""
                DELETE FROM consent s USING contact c
                WHERE s.tenant_id = ? AND s.source_import_id = ? AND c.tenant_id = s.tenant_id AND c.id = s.contact_id
                RETURNING s.id, s.contact_id, c.phone, s.channel, s.consent_type, s.revoked_at IS NULL,
                    c.source_import_id IS NOT DISTINCT FROM s.source_import_id""")) {
            delete.setObject(1, tenantId);
            delete.setObject(2, importId);
            try (ResultSet rs = delete.executeQuery()) {
                while (rs.next()) {
                    boolean inForce = rs.getBoolean(6);
                    boolean contactGoes = rs.getBoolean(7);
                    if (inForce && !contactGoes) {
                        revoked.add(new ConsentRevokedV1(rs.getObject(1, UUID.class).toString(),
                                rs.getObject(2, UUID.class).toString(), rs.getString(3), rs.getString(4), rs.getString(5),
                                now.toInstant()));
                    }
                }
            }
        }
        return revoked;
    }

    private static OffsetDateTime capturedAt(Grant grant, OffsetDateTime now) {
        return grant.capturedAt() == null ? now : grant.capturedAt();
    }
}
