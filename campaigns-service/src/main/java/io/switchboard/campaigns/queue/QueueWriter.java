package io.switchboard.campaigns.queue;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.platform.phone.PhoneNumbers;
import io.switchboard.platform.time.DatabaseTime;

/**
 * Adds rows to the queue in JDBC batches. A campaign row whose number already has a live (pending or processing) row
 * in that campaign is not added (V3's unique index, ON CONFLICT DO NOTHING): the audience dedupe against the queue.
 */
@ApplicationScoped
public class QueueWriter {

    /** One row to add: every column the caller decides. */
    public record NewRow(UUID id, UUID tenantId, UUID campaignId, String callType, String kind, UUID contactId, UUID agentId,
            String phone, List<String> timeZones, Map<String, String> variables, int priority, int maxRetries, UUID uploadId) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * The zones a row is dialed in: the given ones (contact's), else every zone the number may ring in, else the
     * campaign's zone, else UTC. Never empty (V3).
     */
    public static List<String> zonesFor(List<String> given, String e164, String campaignZone) {
        if (given != null && !given.isEmpty()) {
            return List.copyOf(given);
        }
        List<String> byNumber = PhoneNumbers.timeZones(e164);
        if (!byNumber.isEmpty()) {
            return byNumber;
        }
        return List.of(campaignZone != null ? campaignZone : "UTC");
    }

    /** Inserts the rows, scheduled now; returns, per row, whether it was added (false: a live duplicate exists). */
    public boolean[] insert(List<NewRow> rows) {
        boolean[] added = new boolean[rows.size()];
        if (rows.isEmpty()) {
            return added;
        }
        Timestamp now = Timestamp.from(DatabaseTime.now().toInstant());
        List<String> zones = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        try {
            for (NewRow row : rows) {
                zones.add(json.writeValueAsString(row.timeZones()));
                variables.add(json.writeValueAsString(row.variables() == null ? Map.of() : row.variables()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queue row not serializable", e);
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO call_queue (id, tenant_id, campaign_id, call_type, kind, contact_id, agent_id, phone, time_zones,
                                            variables, status, priority, scheduled_for, attempts, max_retries, upload_id,
                                            created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'pending', ?, ?, 0, ?, ?, ?, ?)
                    ON CONFLICT (campaign_id, phone) WHERE campaign_id IS NOT NULL AND status IN ('pending', 'processing')
                    DO NOTHING""")) {
                for (int i = 0; i < rows.size(); i++) {
                    NewRow row = rows.get(i);
                    insert.setObject(1, row.id());
                    insert.setObject(2, row.tenantId());
                    insert.setObject(3, row.campaignId());
                    insert.setString(4, row.callType());
                    insert.setString(5, row.kind());
                    insert.setObject(6, row.contactId());
                    insert.setObject(7, row.agentId());
                    insert.setString(8, row.phone());
                    insert.setString(9, zones.get(i));
                    insert.setString(10, variables.get(i));
                    insert.setInt(11, row.priority());
                    insert.setTimestamp(12, now);
                    insert.setInt(13, row.maxRetries());
                    insert.setObject(14, row.uploadId());
                    insert.setTimestamp(15, now);
                    insert.setTimestamp(16, now);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    added[i] = counts[i] != 0;
                }
            }
        });
        return added;
    }
}
