package io.switchboard.contacts.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.contacts.consent.ConsentBatch;
import io.switchboard.contacts.contact.DialingTimeZones;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.platform.outbox.Outbox;

/**
 * The SQL of one chunk, on the chunk transaction's connection: set-based statements (arrays unnested server-side), a
 * handful per chunk whatever its size. Dedupes the chunk's rows by phone, finds which phones already have a contact
 * (created before, or by an earlier chunk of this import), inserts the new ones, updates existing ones when the
 * policy says so (after saving their before-image once per import), inserts the rows of known phones as possible
 * duplicates of the phone's primary contact when it says keep_both, records the row issues.
 */
final class ChunkWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The text columns a draft fills, in statement order. */
    private static final Map<ContactField, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(ContactField.FIRST_NAME, "first_name");
        COLUMNS.put(ContactField.LAST_NAME, "last_name");
        COLUMNS.put(ContactField.EMAIL, "email");
        COLUMNS.put(ContactField.TIME_ZONE, "time_zone");
        COLUMNS.put(ContactField.ALTERNATE_PHONE, "alternate_phone");
        COLUMNS.put(ContactField.COMPANY, "company");
        COLUMNS.put(ContactField.ADDRESS, "address");
        COLUMNS.put(ContactField.CITY, "city");
        COLUMNS.put(ContactField.STATE, "state");
        COLUMNS.put(ContactField.POSTAL_CODE, "postal_code");
        COLUMNS.put(ContactField.COUNTRY, "country");
        COLUMNS.put(ContactField.NOTES, "notes");
        COLUMNS.put(ContactField.BUSINESS_CONTEXT, "business_context");
    }

    private static final String TEXT_COLUMNS = String.join(", ", COLUMNS.values());
    private static final String TEXT_ARRAYS = String.join(", ", COLUMNS.values().stream().map(c -> "?::text[]").toList());

    private static final String INSERT = "INSERT INTO contact (id, tenant_id, phone, " + TEXT_COLUMNS + ", custom_fields, tags,"
            + " source, source_import_id, time_zones, time_zone_source, duplicate_of, created_at, updated_at)"
            + " SELECT u.id, ?, u.phone, " + String.join(", ", COLUMNS.values().stream().map(c -> "u." + c).toList())
            + ", u.custom_fields::jsonb, ?::text[], 'import', ?,"
            + " COALESCE(string_to_array(NULLIF(u.time_zones, ''), ','), '{}'), u.time_zone_source, u.duplicate_of, ?, ?"
            + " FROM unnest(?::uuid[], ?::text[], " + TEXT_ARRAYS + ", ?::text[], ?::text[], ?::text[], ?::uuid[])"
            + " AS u(id, phone, " + TEXT_COLUMNS + ", custom_fields, time_zones, time_zone_source, duplicate_of)";

    /**
     * The same insert with a conflict check per row (speculative insertion): a phone another writer created since
     * {@link #existing} read is left out. Only for a chunk that lost such a race: the check costs on every row.
     */
    private static final String INSERT_CAREFUL = INSERT
            + " ON CONFLICT (tenant_id, phone) WHERE duplicate_of IS NULL DO NOTHING RETURNING id";

    private static final String UNIQUE_VIOLATION = "23505";

    private static final String UPDATE = "UPDATE contact c SET "
            + String.join(", ", COLUMNS.values().stream().map(col -> col + " = COALESCE(u." + col + ", c." + col + ")").toList())
            + ", time_zones = CASE WHEN u.time_zone IS NOT NULL THEN ARRAY[u.time_zone] ELSE c.time_zones END"
            + ", time_zone_source = CASE WHEN u.time_zone IS NOT NULL THEN 'explicit' ELSE c.time_zone_source END"
            + ", custom_fields = c.custom_fields || u.custom_fields::jsonb"
            + ", tags = c.tags || ARRAY(SELECT t FROM unnest(?::text[]) t WHERE NOT t = ANY (c.tags))"
            + ", updated_at = ?"
            + " FROM unnest(?::uuid[], " + TEXT_ARRAYS + ", ?::text[]) AS u(id, " + TEXT_COLUMNS + ", custom_fields)"
            + " WHERE c.tenant_id = ? AND c.id = u.id"
            + " RETURNING c.id, c.phone, c.alternate_phone, c.first_name, c.last_name, c.time_zone, c.time_zones,"
            + " c.time_zone_source, c.tags";

    /** The counts one chunk adds to its job. */
    record Counts(int processed, int imported, int updated, int skipped, int failed, int flagged) {
    }

    private final Connection connection;
    private final UUID tenantId;
    private final UUID importId;
    private final DuplicatePolicy policy;
    private final String[] tags;
    private final String tenantZone;
    private final boolean careful;
    /** Test seam: runs just before the plain insert (null: nothing). */
    private final Runnable beforeInsert;

    /**
     * {@code careful}: whether the contact insert checks each row for a conflict with another writer. The plain insert
     * (not careful) relies on {@link #existing}, read in the same transaction; if another writer created one of the
     * chunk's phones in between, it throws {@link LostRace} and the caller writes the whole chunk again, carefully.
     */
    ChunkWriter(Connection connection, UUID tenantId, UUID importId, DuplicatePolicy policy, List<String> tags, String tenantZone,
            boolean careful, Runnable beforeInsert) {
        this.connection = connection;
        this.tenantId = tenantId;
        this.importId = importId;
        this.policy = policy;
        this.tags = tags.toArray(String[]::new);
        this.tenantZone = tenantZone;
        this.careful = careful;
        this.beforeInsert = beforeInsert;
    }

    /**
     * The plain insert of a chunk met a contact another writer (the API, a call event, another instance's import)
     * created with one of its phones after {@link #existing} read them; the chunk's transaction is rolled back.
     */
    static final class LostRace extends RuntimeException {
        LostRace(SQLException cause) {
            super("another writer created a contact with one of the chunk's phones: " + cause.getMessage(), cause);
        }
    }

    /**
     * Writes the chunk; the {@code contact.created} events of the contacts it created are added to {@code created},
     * serialized by {@code events} on another thread while the contacts are inserted.
     */
    Counts write(List<RowOutcome> rows, OptOutGate optOuts, OffsetDateTime now, EventSerializer events,
            List<Outbox.Prepared> created, List<ContactUpdatedV1> changed, List<ConsentGrantedV1> consents) throws SQLException {
        List<RowIssue> issues = new ArrayList<>();
        Map<String, ContactDraft> byPhone = new LinkedHashMap<>();
        // keep_both: the later rows of a phone an earlier row of the chunk has, each another contact
        List<ContactDraft> repeats = new ArrayList<>();
        int failed = 0;
        int duplicatesInChunk = 0;
        for (RowOutcome row : rows) {
            issues.addAll(row.issues());
            if (row.rejected()) {
                failed++;
                continue;
            }
            ContactDraft first = byPhone.putIfAbsent(row.draft().phone, row.draft());
            if (first != null) {
                duplicatesInChunk++;
                if (policy == DuplicatePolicy.UPDATE) {
                    first.absorb(row.draft());
                } else if (policy == DuplicatePolicy.KEEP_BOTH) {
                    repeats.add(row.draft());
                }
            }
        }
        Map<String, UUID> existing = existing(byPhone.keySet());
        List<ContactDraft> inserts = new ArrayList<>();
        List<UUID> insertIds = new ArrayList<>();
        List<UUID> duplicateOf = new ArrayList<>();
        List<ContactDraft> updates = new ArrayList<>();
        List<UUID> updateIds = new ArrayList<>();
        for (ContactDraft draft : byPhone.values()) {
            UUID id = existing.get(draft.phone);
            if (id == null || policy == DuplicatePolicy.KEEP_BOTH) {
                inserts.add(draft);
                insertIds.add(UUID.randomUUID());
                duplicateOf.add(id);
            } else if (policy == DuplicatePolicy.UPDATE) {
                updates.add(draft);
                updateIds.add(id);
            }
        }
        Set<UUID> inserted = insertWithEvents(inserts, insertIds, duplicateOf, now, events, created);
        int imported = inserted.size();
        // a row whose insert lost a race with another writer of the same number is a duplicate like any other
        int raced = inserts.size() - imported;
        if (!repeats.isEmpty() || (raced > 0 && policy == DuplicatePolicy.KEEP_BOTH)) {
            // keep_both: repeats (and rows that lost a race) become duplicates of the primary their phone has now
            for (int i = 0; i < inserts.size(); i++) {
                if (!inserted.contains(insertIds.get(i))) {
                    repeats.add(inserts.get(i));
                }
            }
            Map<String, UUID> primaries = existing(repeats.stream().map(d -> d.phone).distinct().toList());
            List<UUID> repeatIds = new ArrayList<>();
            List<UUID> repeatOf = new ArrayList<>();
            for (ContactDraft draft : repeats) {
                repeatIds.add(UUID.randomUUID());
                repeatOf.add(primaries.get(draft.phone));
            }
            imported += insertWithEvents(repeats, repeatIds, repeatOf, now, events, created).size();
            raced = 0;
        }
        update(updates, updateIds, now, changed);
        int updated = 0;
        int skipped = 0;
        if (policy == DuplicatePolicy.UPDATE) {
            updated = updates.size() + duplicatesInChunk;
            skipped = raced;
        } else if (policy == DuplicatePolicy.SKIP) {
            skipped = existing.size() + duplicatesInChunk + raced;
        }
        consents.addAll(ConsentBatch.grant(connection, tenantId, importId, grants(rows, now, issues), now));
        Set<String> optedOut = optOuts.optedOut(tenantId, byPhone.keySet());
        int flagged = 0;
        for (RowOutcome row : rows) {
            if (!row.rejected() && optedOut.contains(row.draft().phone)) {
                flagged++;
                issues.add(new RowIssue(row.row(), "phone", row.draft().phone, OptOutGate.REASON));
            }
        }
        recordIssues(issues);
        return new Counts(rows.size(), imported, updated, skipped, failed, flagged);
    }

    /**
     * Inserts the drafts (as duplicates of {@code duplicateOf}'s contact where not null) with their dialing zones
     * resolved; the {@code contact.created} of each inserted one goes to {@code created}. The inserted ids.
     */
    private Set<UUID> insertWithEvents(List<ContactDraft> inserts, List<UUID> ids, List<UUID> duplicateOf, OffsetDateTime now,
            EventSerializer events, List<Outbox.Prepared> created) throws SQLException {
        List<ContactCreatedV1> payloads = new ArrayList<>(inserts.size());
        for (int i = 0; i < inserts.size(); i++) {
            ContactDraft draft = inserts.get(i);
            DialingTimeZones resolved = DialingTimeZones.resolve(draft.get(ContactField.TIME_ZONE), () -> draft.numberZones,
                    tenantZone);
            draft.timeZones = List.copyOf(resolved.zones());
            draft.timeZoneSource = resolved.source();
            payloads.add(created(ids.get(i), draft, duplicateOf.get(i), now));
        }
        Future<List<Outbox.Prepared>> serialized = events.serialize(payloads);
        Set<UUID> inserted = insert(inserts, ids, duplicateOf, now);
        List<Outbox.Prepared> prepared = EventSerializer.await(serialized, "serializing the chunk's events");
        for (int i = 0; i < inserts.size(); i++) {
            if (inserted.contains(ids.get(i))) {
                created.add(prepared.get(i));
            }
        }
        return inserted;
    }

    /** The {@code contact.created} of a contact the import creates (zones resolved). */
    private ContactCreatedV1 created(UUID id, ContactDraft draft, UUID duplicateOf, OffsetDateTime now) {
        return new ContactCreatedV1(id.toString(), draft.phone, draft.get(ContactField.FIRST_NAME),
                draft.get(ContactField.LAST_NAME), draft.get(ContactField.TIME_ZONE), now.toInstant(), draft.timeZones,
                draft.timeZoneSource, List.of(tags), duplicateOf == null ? null : duplicateOf.toString());
    }

    /**
     * The consents of the chunk's accepted rows (every row's, a repeated phone's too), for the contact with the row's
     * phone whether the import created, updated or skipped it; one whose expiry the capture time "now" has reached
     * by the time it is written is left out with a row issue.
     */
    private static List<ConsentBatch.Grant> grants(List<RowOutcome> rows, OffsetDateTime now, List<RowIssue> issues) {
        List<ConsentBatch.Grant> grants = new ArrayList<>();
        for (RowOutcome row : rows) {
            ConsentBatch.Grant grant = row.rejected() ? null : row.draft().consent;
            if (grant == null) {
                continue;
            }
            if (ConsentBatch.expiresAfterCapture(grant, now)) {
                grants.add(grant);
            } else {
                issues.add(new RowIssue(row.row(), ContactField.CONSENT_EXPIRES_AT.wire(), grant.expiresAt().toString(),
                        "the consent had expired when the row was imported; imported without it"));
            }
        }
        return grants;
    }

    /** The primary contact of each phone that has one (a keep_both duplicate never answers for its number). */
    private Map<String, UUID> existing(Collection<String> phones) throws SQLException {
        Map<String, UUID> found = new HashMap<>();
        if (phones.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT phone, id FROM contact WHERE tenant_id = ? AND phone = ANY (?::text[]) AND duplicate_of IS NULL")) {
            select.setObject(1, tenantId);
            select.setArray(2, connection.createArrayOf("text", phones.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            }
        }
        return found;
    }

    private Set<UUID> insert(List<ContactDraft> drafts, List<UUID> ids, List<UUID> duplicateOf, OffsetDateTime now)
            throws SQLException {
        Set<UUID> inserted = new HashSet<>();
        if (drafts.isEmpty()) {
            return inserted;
        }
        int n = drafts.size();
        String[] phones = new String[n];
        String[] custom = new String[n];
        String[] zones = new String[n];
        String[] zoneSources = new String[n];
        for (int i = 0; i < n; i++) {
            ContactDraft draft = drafts.get(i);
            phones[i] = draft.phone;
            custom[i] = json(draft.custom);
            zones[i] = String.join(",", draft.timeZones);
            zoneSources[i] = draft.timeZoneSource;
        }
        if (beforeInsert != null) {
            beforeInsert.run();
        }
        try (PreparedStatement insert = connection.prepareStatement(careful ? INSERT_CAREFUL : INSERT)) {
            int p = 1;
            insert.setObject(p++, tenantId);
            insert.setArray(p++, connection.createArrayOf("text", tags));
            insert.setObject(p++, importId);
            insert.setTimestamp(p++, Timestamp.from(now.toInstant()));
            insert.setTimestamp(p++, Timestamp.from(now.toInstant()));
            insert.setArray(p++, connection.createArrayOf("uuid", ids.toArray()));
            insert.setArray(p++, connection.createArrayOf("text", phones));
            p = setFieldArrays(insert, p, drafts);
            insert.setArray(p++, connection.createArrayOf("text", custom));
            insert.setArray(p++, connection.createArrayOf("text", zones));
            insert.setArray(p++, connection.createArrayOf("text", zoneSources));
            insert.setArray(p, connection.createArrayOf("uuid", duplicateOf.toArray()));
            if (!careful) {
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw new LostRace(e);
                    }
                    throw e;
                }
                inserted.addAll(ids);
                return inserted;
            }
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return inserted;
    }

    private void update(List<ContactDraft> drafts, List<UUID> ids, OffsetDateTime now, List<ContactUpdatedV1> changed)
            throws SQLException {
        if (drafts.isEmpty()) {
            return;
        }
        Array idArray = connection.createArrayOf("uuid", ids.toArray());
        // the state before this import touched it, once per contact and import (a later chunk's update keeps the first
        // image); contacts this import created need none, undo deletes them
        try (PreparedStatement before = connection.prepareStatement("""
                INSERT INTO contact_import_change (import_id, contact_id, tenant_id, before)
                SELECT ?, c.id, c.tenant_id, to_jsonb(c) FROM contact c
                WHERE c.tenant_id = ? AND c.id = ANY (?) AND c.source_import_id IS DISTINCT FROM ?
                ON CONFLICT DO NOTHING""")) {
            before.setObject(1, importId);
            before.setObject(2, tenantId);
            before.setArray(3, idArray);
            before.setObject(4, importId);
            before.executeUpdate();
        }
        String[] custom = drafts.stream().map(d -> json(d.custom)).toArray(String[]::new);
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int p = 1;
            update.setArray(p++, connection.createArrayOf("text", tags));
            update.setTimestamp(p++, Timestamp.from(now.toInstant()));
            update.setArray(p++, idArray);
            p = setFieldArrays(update, p, drafts);
            update.setArray(p++, connection.createArrayOf("text", custom));
            update.setObject(p, tenantId);
            Map<UUID, ContactDraft> byId = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                byId.put(ids.get(i), drafts.get(i));
            }
            try (ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    changed.add(new ContactUpdatedV1(id.toString(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), texts(rs.getArray(7)), rs.getString(8),
                            changedFields(byId.get(id)), now.toInstant(), texts(rs.getArray(9))));
                }
            }
        }
    }

    /** The API names of what the import wrote into an existing contact: the row's non-empty fields, tags, custom fields. */
    private List<String> changedFields(ContactDraft draft) {
        List<String> names = new ArrayList<>();
        draft.fields.keySet().stream().filter(f -> f != ContactField.PHONE).forEach(f -> names.add(f.wire()));
        if (draft.fields.containsKey(ContactField.TIME_ZONE)) {
            names.add("timeZones");
        }
        if (!draft.custom.isEmpty()) {
            names.add("customFields");
        }
        if (tags.length > 0) {
            names.add("tags");
        }
        return names;
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private int setFieldArrays(PreparedStatement statement, int first, List<ContactDraft> drafts) throws SQLException {
        int p = first;
        for (ContactField field : COLUMNS.keySet()) {
            String[] values = new String[drafts.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = drafts.get(i).get(field);
            }
            statement.setArray(p++, connection.createArrayOf("text", values));
        }
        return p;
    }

    private void recordIssues(List<RowIssue> issues) throws SQLException {
        if (issues.isEmpty()) {
            return;
        }
        int n = issues.size();
        UUID[] ids = new UUID[n];
        Long[] rows = new Long[n];
        String[] columns = new String[n];
        String[] values = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            RowIssue issue = issues.get(i);
            ids[i] = UUID.randomUUID();
            rows[i] = issue.row();
            columns[i] = issue.column();
            values[i] = issue.value();
            reasons[i] = issue.reason();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO contact_import_error (id, tenant_id, import_id, row_number, column_name, value, reason)
                SELECT e.id, ?, ?, e.row_number, e.column_name, e.value, e.reason
                FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[]) AS e(id, row_number, column_name, value, reason)""")) {
            insert.setObject(1, tenantId);
            insert.setObject(2, importId);
            insert.setArray(3, connection.createArrayOf("uuid", ids));
            insert.setArray(4, connection.createArrayOf("bigint", rows));
            insert.setArray(5, connection.createArrayOf("text", columns));
            insert.setArray(6, connection.createArrayOf("text", values));
            insert.setArray(7, connection.createArrayOf("text", reasons));
            insert.executeUpdate();
        }
    }

    private static String json(Map<String, String> custom) {
        if (custom.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(custom);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("custom fields are plain strings", e);
        }
    }
}
