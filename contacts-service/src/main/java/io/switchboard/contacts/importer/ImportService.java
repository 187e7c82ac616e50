package io.switchboard.contacts.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import io.switchboard.contacts.consent.ConsentBatch;
import io.switchboard.contacts.contact.Duplicates;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.consent.ConsentRevokedV1;
import io.switchboard.events.contact.ContactDeletedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.time.DatabaseTime;

@ApplicationScoped
@Transactional
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** The contact columns an import may overwrite, restored from the before-image on undo. */
    private static final String RESTORED = "first_name, last_name, email, time_zone, alternate_phone, company, address, city,"
            + " state, postal_code, country, notes, business_context, custom_fields, tags, time_zones, time_zone_source, updated_at";

    /** The API names of the fields an undo may set back, as its contact.updated events name them. */
    private static final List<String> RESTORED_FIELDS = List.of("firstName", "lastName", "email", "timeZone", "alternatePhone",
            "company", "address", "city", "state", "postalCode", "country", "notes", "businessContext", "customFields", "tags",
            "timeZones");

    @Inject
    ImportRepository imports;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ImportWorker worker;

    /** Records the job for a spooled file (the job row and its work-queue row together) and queues it after the commit. */
    public ImportView create(UUID tenantId, UUID importId, ImportRequest request, Path spooled, long bytes) {
        OffsetDateTime now = DatabaseTime.now();
        ContactImport job = new ContactImport();
        job.id = importId;
        job.tenantId = tenantId;
        job.status = ContactImport.QUEUED;
        job.format = request.format().wire();
        job.delimiter = request.delimiter();
        job.duplicatePolicy = request.policy().wire();
        Map<String, String> mapping = new LinkedHashMap<>();
        request.mapping().forEach((column, field) -> mapping.put(column, field.wire()));
        job.mapping = mapping;
        job.tags = new java.util.ArrayList<>(request.tags());
        job.fileName = request.fileName();
        job.fileBytes = bytes;
        job.spoolPath = spooled.toString();
        job.createdAt = now;
        job.updatedAt = now;
        imports.persist(job);
        imports.flush();
        em.createNativeQuery("INSERT INTO contact_import_work (import_id, tenant_id) VALUES (?1, ?2)")
                .setParameter(1, importId).setParameter(2, tenantId).executeUpdate();
        worker.submitAfterCommit(importId, tenantId);
        LOG.infof("import queued tenant=%s import=%s format=%s bytes=%d", tenantId, importId, job.format, bytes);
        return ImportView.of(job);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportView get(UUID tenantId, UUID id) {
        return ImportView.of(require(tenantId, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImportView> find(UUID tenantId, UUID id) {
        return imports.findForTenant(tenantId, id).map(ImportView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImportView> list(UUID tenantId, PageRequest page) {
        return Page.of(imports.listForTenant(tenantId, page), page, job -> Cursor.of(job.createdAt, job.id), ImportView::of);
    }

    /**
     * The import's row errors in file order. The platform cursor carries (sort key, id); for errors the sort key is
     * the row number, carried in its time slot (clients only ever see the opaque token).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImportErrorView> errors(UUID tenantId, UUID id, PageRequest page) {
        require(tenantId, id);
        Optional<Cursor> after = page.after();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT row_number, column_name, value, reason, id FROM contact_import_error
                WHERE tenant_id = ?1 AND import_id = ?2 AND (row_number, id) > (?3, ?4)
                ORDER BY row_number, id LIMIT ?5""")
                .setParameter(1, tenantId).setParameter(2, id)
                .setParameter(3, after.map(c -> c.createdAt().getEpochSecond()).orElse(-1L))
                .setParameter(4, after.map(Cursor::id).orElse(new UUID(0, 0)))
                .setParameter(5, page.fetchSize())
                .getResultList();
        return Page.of(rows, page, row -> new Cursor(Instant.ofEpochSecond(((Number) row[0]).longValue()), (UUID) row[4]),
                row -> new ImportErrorView(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3]));
    }

    /** Stops a queued or running import between two chunks; what was imported stays (undo removes it). */
    public ImportView cancel(UUID tenantId, UUID id) {
        ContactImport job = lock(tenantId, id);
        if (job.finished()) {
            throw ProblemException.conflict("import " + id + " is " + job.status + "; only a queued or running import can be cancelled");
        }
        job.status = ContactImport.CANCELLED;
        job.finishedAt = DatabaseTime.now();
        job.updatedAt = job.finishedAt;
        ImportEvents.publishEnded(outbox, job);
        LOG.infof("import cancelled tenant=%s import=%s processed=%d", tenantId, id, job.rowsProcessed);
        return ImportView.of(job);
    }

    /** The contacts import {@code importId} created that are the primary of a duplicate another writer created. */
    private static List<UUID> primariesWithOtherDuplicates(Connection connection, UUID tenantId, UUID importId)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT DISTINCT g.id FROM contact g JOIN contact d ON d.tenant_id = g.tenant_id AND d.duplicate_of = g.id
                WHERE g.tenant_id = ? AND g.source_import_id = ? AND d.source_import_id IS DISTINCT FROM g.source_import_id""")) {
            select.setObject(1, tenantId);
            select.setObject(2, importId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /**
     * Removes exactly the contacts this import created and restores the columns it overwrote on existing contacts to
     * their values before the import (later edits of those columns are overwritten too: undo means "as before").
     */
    public ImportView undo(UUID tenantId, UUID id) {
        ContactImport job = lock(tenantId, id);
        if (!Set.of(ContactImport.COMPLETED, ContactImport.FAILED, ContactImport.CANCELLED).contains(job.status)) {
            throw ProblemException.conflict("import " + id + " is " + job.status
                    + "; only a completed, failed or cancelled import can be undone (cancel a running one first)");
        }
        OffsetDateTime now = DatabaseTime.now();
        List<ContactUpdatedV1> restored = new ArrayList<>();
        List<ContactDeletedV1> removed = new ArrayList<>();
        List<ConsentRevokedV1> consents = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            consents.addAll(ConsentBatch.removeImported(connection, tenantId, id, now));
            try (PreparedStatement restore = connection.prepareStatement("UPDATE contact c SET (" + RESTORED + ") = (SELECT "
                    + RESTORED + " FROM jsonb_populate_record(NULL::contact, ch.before)) FROM contact_import_change ch"
                    + " WHERE ch.tenant_id = ? AND ch.import_id = ? AND c.tenant_id = ? AND c.id = ch.contact_id"
                    + " RETURNING c.id, c.phone, c.alternate_phone, c.first_name, c.last_name, c.time_zone, c.time_zones,"
                    + " c.time_zone_source")) {
                restore.setObject(1, tenantId);
                restore.setObject(2, id);
                restore.setObject(3, tenantId);
                try (ResultSet rs = restore.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Array zones = rs.getArray(7);
                        restored.add(new ContactUpdatedV1(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                zones == null ? List.of() : List.of((String[]) zones.getArray()), rs.getString(8),
                                RESTORED_FIELDS, now.toInstant()));
                    }
                }
            }
            // a primary this import created whose phone later got duplicates from elsewhere: they keep one primary
            Duplicates.handOver(connection, tenantId, primariesWithOtherDuplicates(connection, tenantId, id), null, id);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM contact WHERE tenant_id = ? AND source_import_id = ? RETURNING id, phone")) {
                delete.setObject(1, tenantId);
                delete.setObject(2, id);
                try (ResultSet rs = delete.executeQuery()) {
                    while (rs.next()) {
                        removed.add(new ContactDeletedV1(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                                now.toInstant()));
                    }
                }
            }
        });
        outbox.publishAll(EventCatalog.CONTACT_UPDATED, tenantId, restored);
        outbox.publishAll(EventCatalog.CONTACT_DELETED, tenantId, removed);
        outbox.publishAll(EventCatalog.CONSENT_REVOKED, tenantId, consents);
        em.createNativeQuery("DELETE FROM contact_import_change WHERE tenant_id = ?1 AND import_id = ?2")
                .setParameter(1, tenantId).setParameter(2, id).executeUpdate();
        job.status = ContactImport.UNDONE;
        job.updatedAt = now;
        LOG.infof("import undone tenant=%s import=%s removed=%d restored=%d consents revoked=%d", tenantId, id, removed.size(),
                restored.size(), consents.size());
        return ImportView.of(job);
    }

    private ContactImport require(UUID tenantId, UUID id) {
        return imports.findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("import", id));
    }

    private ContactImport lock(UUID tenantId, UUID id) {
        ContactImport job = require(tenantId, id);
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(job);
        return job;
    }
}
