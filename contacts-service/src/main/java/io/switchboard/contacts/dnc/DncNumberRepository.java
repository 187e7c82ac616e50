package io.switchboard.contacts.dnc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/**
 * Numbers on DNC lists. Writes go in batches (one statement for a whole chunk of a file, with
 * {@code ON CONFLICT DO NOTHING ... RETURNING}), so the caller learns exactly which numbers changed and
 * publishes one event for each of those and no others.
 */
@ApplicationScoped
public class DncNumberRepository implements PanacheRepositoryBase<DncNumber, UUID> {

    /** A number with the reason it was listed. */
    public record Entry(String phone, String reason) {
    }

    /** One list a number is on, for the check endpoint. */
    public record Listing(UUID listId, boolean internal, OffsetDateTime since) {
    }

    /** Inserts the entries not yet on the list; returns those inserted (duplicates within the batch count once). */
    public List<Entry> insertMissing(UUID tenantId, UUID listId, List<Entry> entries, String source, OffsetDateTime now) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO dnc_number (id, tenant_id, list_id, phone, reason, source, created_at)
                    SELECT gen_random_uuid(), ?, ?, e.phone, e.reason, ?, ?
                    FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS e(phone, reason, n)
                    ORDER BY e.n
                    ON CONFLICT (list_id, phone) DO NOTHING
                    RETURNING phone, reason""")) {
                insert.setObject(1, tenantId);
                insert.setObject(2, listId);
                insert.setString(3, source);
                insert.setObject(4, now);
                insert.setArray(5, texts(connection, entries.stream().map(Entry::phone).toList()));
                insert.setArray(6, texts(connection, entries.stream().map(Entry::reason).toList()));
                List<Entry> inserted = new ArrayList<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(new Entry(rows.getString(1), rows.getString(2)));
                    }
                }
                return inserted;
            }
        });
    }

    /** Deletes the given numbers from the list; returns those that were on it. */
    public List<String> deletePresent(UUID tenantId, UUID listId, Collection<String> phones) {
        if (phones.isEmpty()) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM dnc_number WHERE tenant_id = ? AND list_id = ? AND phone = ANY(?::text[]) RETURNING phone")) {
                delete.setObject(1, tenantId);
                delete.setObject(2, listId);
                delete.setArray(3, texts(connection, List.copyOf(phones)));
                List<String> deleted = new ArrayList<>();
                try (ResultSet rows = delete.executeQuery()) {
                    while (rows.next()) {
                        deleted.add(rows.getString(1));
                    }
                }
                return deleted;
            }
        });
    }

    /** Newest first. */
    public List<DncNumber> list(UUID tenantId, UUID listId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId and listId = :listId" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("tenantId", tenantId, "listId", listId))).range(0, page.fetchSize() - 1).list();
    }

    /** A listed number as the export and list deletion read it (scalars: nothing accumulates in the session). */
    public record Listed(String phone, String reason, String source, OffsetDateTime createdAt) {
    }

    /** Up to {@code size} numbers of the list after {@code afterPhone} (null: from the start), in phone order. */
    public List<Listed> batchAfter(UUID tenantId, UUID listId, String afterPhone, int size) {
        return getEntityManager().createQuery("""
                select n.phone, n.reason, n.source, n.createdAt from DncNumber n
                where n.tenantId = :tenantId and n.listId = :listId and n.phone > :after order by n.phone""", Object[].class)
                .setParameter("tenantId", tenantId).setParameter("listId", listId)
                .setParameter("after", afterPhone == null ? "" : afterPhone)
                .setMaxResults(size)
                .getResultList().stream()
                .map(row -> new Listed((String) row[0], (String) row[1], (String) row[2], (OffsetDateTime) row[3])).toList();
    }

    public java.util.Optional<DncNumber> findOnList(UUID tenantId, UUID listId, String phone) {
        return find("tenantId = ?1 and listId = ?2 and phone = ?3", tenantId, listId, phone).firstResultOptional();
    }

    /** The internal list and those of {@code listIds} the number is on. */
    public List<Listing> listings(UUID tenantId, String phone, Collection<UUID> listIds) {
        String lists = listIds.isEmpty() ? "l.internal = true" : "(l.internal = true or n.listId in :listIds)";
        var query = getEntityManager().createQuery("""
                select n.listId, l.internal, n.createdAt
                from DncNumber n, DncList l
                where l.id = n.listId and n.tenantId = :tenantId and l.tenantId = :tenantId and n.phone = :phone""" + " and "
                + lists + " order by n.createdAt", Object[].class)
                .setParameter("tenantId", tenantId).setParameter("phone", phone);
        if (!listIds.isEmpty()) {
            query.setParameter("listIds", listIds);
        }
        return query.getResultList().stream()
                .map(row -> new Listing((UUID) row[0], (Boolean) row[1], (OffsetDateTime) row[2])).toList();
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    private static Array texts(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(new String[0]));
    }
}
