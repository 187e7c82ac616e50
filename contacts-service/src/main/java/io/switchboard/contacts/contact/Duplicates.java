package io.switchboard.contacts.contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * The one rule for possible duplicates (contacts an import with policy keep_both created for a phone that already had a
 * contact): each phone has exactly one primary contact ({@code duplicate_of IS NULL}, unique index
 * contact_tenant_phone_unique), every duplicate points straight at it. When a primary stops holding its phone (it is
 * deleted, merged away, removed by an undo, or its phone changes), its heir becomes the primary: the duplicate that
 * survives a merge when it is one, else the oldest duplicate (created_at, then id); the other duplicates are re-pointed
 * to the heir. {@link #handOver} runs BEFORE the primary goes; a deletion then promotes the heir through the foreign
 * key's ON DELETE SET NULL, a phone change through {@link #promote} once the new phone is written.
 */
public final class Duplicates {

    private Duplicates() {
    }

    /**
     * Re-points the duplicates of the primaries {@code gone} to each one's heir (the heir itself still points at its
     * old primary until that is deleted or {@link #promote}d). Contacts in {@code gone}, and those of import
     * {@code leavingImport} when not null (an undo deletes them all), are never heirs.
     */
    public static void handOver(Connection connection, UUID tenantId, Collection<UUID> gone, UUID preferredHeir,
            UUID leavingImport) throws SQLException {
        if (gone.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                WITH heir AS (
                    SELECT DISTINCT ON (d.duplicate_of) d.duplicate_of AS gone, d.id
                    FROM contact d
                    WHERE d.tenant_id = ? AND d.duplicate_of = ANY (?::uuid[]) AND NOT d.id = ANY (?::uuid[])
                      AND (?::uuid IS NULL OR d.source_import_id IS DISTINCT FROM ?::uuid)
                    ORDER BY d.duplicate_of, COALESCE(d.id = ?::uuid, false) DESC, d.created_at, d.id)
                UPDATE contact c SET duplicate_of = heir.id FROM heir
                WHERE c.tenant_id = ? AND c.duplicate_of = heir.gone AND c.id <> heir.id
                  AND NOT c.id = ANY (?::uuid[])""")) {
            java.sql.Array ids = connection.createArrayOf("uuid", gone.toArray());
            int p = 1;
            update.setObject(p++, tenantId);
            update.setArray(p++, ids);
            update.setArray(p++, ids);
            update.setObject(p++, leavingImport);
            update.setObject(p++, leavingImport);
            update.setObject(p++, preferredHeir);
            update.setObject(p++, tenantId);
            update.setArray(p, ids);
            update.executeUpdate();
        }
    }

    /**
     * After {@code contactId}'s phone changed: its heir (see {@link #handOver}) becomes the primary of the old phone,
     * and the contact itself, were it a duplicate, the primary of its new phone (the caller checked it is free).
     */
    public static void promote(Connection connection, UUID tenantId, UUID contactId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE contact SET duplicate_of = NULL
                WHERE tenant_id = ? AND (id = ? OR duplicate_of = ?) AND duplicate_of IS NOT NULL""")) {
            update.setObject(1, tenantId);
            update.setObject(2, contactId);
            update.setObject(3, contactId);
            update.executeUpdate();
        }
    }
}
