package io.switchboard.contacts.importer;

import static io.switchboard.platform.time.DatabaseTime.now;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.contacts.settings.ContactSettings;
import io.switchboard.contacts.settings.ContactSettingsRepository;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.persistence.AfterCommit;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Runs imports in the background, one at a time, chunk by chunk. A job is first validated in a full streaming pass
 * (encoding, binary content, line length, quoting, header, row count) so a broken file fails before any contact is
 * written; then each chunk of {@link ImportConfig#chunkSize()} rows is written in one transaction together with the
 * job's progress. That transaction starts by locking the job row and checking that it is still running and at the
 * offset this worker expects, so a cancel takes effect between chunks and no row is ever applied twice. After a
 * restart, {@link #resumeUnfinished()} picks up every queued or running job and skips the rows already committed.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);

    private final ImportConfig config;
    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final OptOutGate optOuts;
    private final ContactSettingsRepository settings;
    private final AfterCommit afterCommit;
    private final ImportRepository imports;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "contact-import-worker");
        thread.setDaemon(true);
        return thread;
    });
    /** Reads the next chunk of the running job while the worker writes the current one. */
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "contact-import-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<UUID> scheduled = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    /** Test seams, per tenant: crash inside the transaction of chunk n (1-based) once; take a permit before each chunk. */
    private final Map<UUID, Integer> crashInChunk = new ConcurrentHashMap<>();
    private final Map<UUID, java.util.concurrent.Semaphore> chunkGates = new ConcurrentHashMap<>();
    /** Test seam, per tenant: runs once inside a chunk's transaction just before its plain contact insert. */
    private final Map<UUID, Runnable> beforeInsertOnce = new ConcurrentHashMap<>();

    @Inject
    public ImportWorker(ImportConfig config, AgroalDataSource dataSource, Outbox outbox, OptOutGate optOuts,
            ContactSettingsRepository settings, AfterCommit afterCommit, ImportRepository imports) {
        this.config = config;
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.settings = settings;
        this.afterCommit = afterCommit;
        this.imports = imports;
    }

    void onStart(@Observes StartupEvent start) {
        resumeUnfinished();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues every job that has not ended (the work table has no row-level security: the tenants are not known yet). */
    public void resumeUnfinished() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT import_id, tenant_id FROM contact_import_work ORDER BY enqueued_at");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                submit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
            }
        } catch (SQLException e) {
            LOG.error("cannot list unfinished imports; they resume at the next start", e);
        }
    }

    /** Queues the job once its creating transaction has committed. */
    void submitAfterCommit(UUID importId, UUID tenantId) {
        afterCommit.run(() -> submit(importId, tenantId));
    }

    void submit(UUID importId, UUID tenantId) {
        if (!stopping && scheduled.add(importId)) {
            executor.submit(() -> {
                try {
                    TenantScope.call(tenantId, () -> {
                        run(importId, tenantId);
                        return null;
                    });
                } catch (RuntimeException e) {
                    LOG.errorf(e, "import stopped tenant=%s import=%s; it resumes at the next start", tenantId, importId);
                } finally {
                    scheduled.remove(importId);
                }
            });
        }
    }

    /** Test seam: the tenant's next import crashes inside the transaction of chunk {@code chunk} (1-based), once. */
    void crashInChunk(UUID tenantId, int chunk) {
        crashInChunk.put(tenantId, chunk);
    }

    boolean crashPending(UUID tenantId) {
        return crashInChunk.containsKey(tenantId);
    }

    /** Test seam: the tenant's imports take a permit of {@code gate} before each chunk (null removes the gate). */
    void gate(UUID tenantId, java.util.concurrent.Semaphore gate) {
        if (gate == null) {
            chunkGates.remove(tenantId);
        } else {
            chunkGates.put(tenantId, gate);
        }
    }

    /** Test seam: {@code hook} runs once, on the worker thread, just before the tenant's next plain contact insert. */
    void beforeInsert(UUID tenantId, Runnable hook) {
        beforeInsertOnce.put(tenantId, hook);
    }

    /** Whether the job is queued or being run by this worker. */
    boolean isScheduled(UUID importId) {
        return scheduled.contains(importId);
    }

    private void run(UUID importId, UUID tenantId) {
        ContactImport job = QuarkusTransaction.requiringNew().call(() -> imports.findForTenant(tenantId, importId).orElse(null));
        if (job == null) {
            return;
        }
        Path file = Path.of(job.spoolPath);
        if (job.finished()) {
            cleanUp(job, file);
            return;
        }
        ContactSettings tenantSettings = QuarkusTransaction.requiringNew().call(() -> settings.forTenant(tenantId));
        ImportFormat format = ImportFormat.parse(job.format).orElseThrow();
        Map<String, ContactField> mapping = new LinkedHashMap<>();
        job.mapping.forEach((column, field) -> mapping.put(column, ContactField.byWire(field).orElseThrow()));
        Character delimiter = Delimiters.named(job.delimiter).orElse(null);
        try {
            if (ContactImport.QUEUED.equals(job.status)) {
                long total;
                try (ImportFile validation = ImportFile.open(file, format, delimiter, mapping, tenantSettings.defaultRegion,
                        config.maxLineLength())) {
                    delimiter = validation.delimiter;
                    total = count(validation);
                }
                if (total == 0) {
                    throw new BadFileException(format == ImportFormat.CSV ? "the file has a header but no data rows" : "the file is empty");
                }
                if (!start(job, total, Delimiters.name(delimiter))) {
                    return;
                }
                LOG.infof("import started tenant=%s import=%s rows=%d", tenantId, importId, total);
            } else {
                LOG.infof("import resumed tenant=%s import=%s after row %d", tenantId, importId, job.rowsProcessed);
            }
            process(job, file, format, delimiter, mapping, tenantSettings);
        } catch (BadFileException e) {
            finish(job, ContactImport.FAILED, e.getMessage(), file);
        } catch (IOException e) {
            finish(job, ContactImport.FAILED, "the uploaded file could not be read; upload it again", file);
            LOG.errorf(e, "import file unreadable tenant=%s import=%s", tenantId, importId);
        } catch (SimulatedCrash crash) {
            LOG.warnf("import crashed on purpose (test) tenant=%s import=%s", tenantId, importId);
        } catch (RuntimeException e) {
            // a bug or a database failure: fail the job rather than leave it running (if even that fails, e.g. the
            // database is down, it stays running and resumes at the next start)
            LOG.errorf(e, "import failed unexpectedly tenant=%s import=%s", tenantId, importId);
            finish(job, ContactImport.FAILED, "the import stopped on an internal error (import " + importId
                    + " in the service log); upload the file again", file);
        }
    }

    private static long count(ImportFile file) throws BadFileException {
        long rows = 0;
        while (file.hasNext()) {
            file.next();
            rows++;
        }
        return rows;
    }

    private void process(ContactImport job, Path file, ImportFormat format, Character delimiter,
            Map<String, ContactField> mapping, ContactSettings tenantSettings) throws IOException {
        DuplicatePolicy policy = DuplicatePolicy.parse(job.duplicatePolicy).orElseThrow();
        long offset = job.rowsProcessed;
        int chunkNumber = 0;
        try (ImportFile input = ImportFile.open(file, format, delimiter, mapping, tenantSettings.defaultRegion,
                config.maxLineLength())) {
            long row = 0;
            while (row < offset && input.hasNext()) {
                input.next();
                row++;
            }
            // the next chunk is read and mapped (CSV parsing, phone numbers) on the reader thread while this one is
            // written: one chunk ahead at most, handed over through the future, so the file is still read in order
            ChunkReader reader = new ChunkReader(input, row, config.chunkSize());
            Future<List<RowOutcome>> next = reader.submit();
            try {
                while (true) {
                    if (stopping) {
                        return;
                    }
                    List<RowOutcome> chunk = reader.await(next);
                    if (chunk.isEmpty()) {
                        break;
                    }
                    next = reader.submit();
                    chunkNumber++;
                    awaitGate(job.tenantId);
                    if (!writeChunk(job, policy, chunk, offset, tenantSettings.defaultTimeZone, chunkNumber)) {
                        cleanUpIfEnded(job, file);
                        return;
                    }
                    offset += chunk.size();
                }
            } finally {
                reader.settle(next);
            }
        }
        finish(job, ContactImport.COMPLETED, null, file);
    }

    /** Reads and maps the rows of one chunk at a time on {@link #READER}; one read in flight at most (the caller awaits it). */
    private static final class ChunkReader {

        private final ImportFile input;
        private final int size;
        private long row;

        ChunkReader(ImportFile input, long row, int size) {
            this.input = input;
            this.row = row;
            this.size = size;
        }

        Future<List<RowOutcome>> submit() {
            return READER.submit(() -> {
                List<RowOutcome> chunk = new ArrayList<>(size);
                while (chunk.size() < size && input.hasNext()) {
                    row++;
                    chunk.add(input.mapper.map(row, input.next()));
                }
                return chunk;
            });
        }

        /** The chunk, or what reading it threw (a bad file, an unreadable one, a bug). */
        List<RowOutcome> await(Future<List<RowOutcome>> chunk) throws IOException {
            try {
                return EventSerializer.await(chunk, "reading the import file");
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /** Lets a read still in flight end before the file is closed; its rows are not written (a resume reads them again). */
        void settle(Future<List<RowOutcome>> chunk) {
            try {
                chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the read ahead of a job that stopped anyway
            }
        }
    }

    /**
     * One chunk and the job's progress, atomically; false when the job is no longer ours to advance (cancelled, moved on).
     * The contacts go in with a plain insert; should another writer have created one of the chunk's phones meanwhile,
     * the transaction rolls back whole and the chunk is written again with a conflict check per row.
     */
    private boolean writeChunk(ContactImport job, DuplicatePolicy policy, List<RowOutcome> chunk, long offset,
            String tenantZone, int chunkNumber) {
        try {
            return writeChunk(job, policy, chunk, offset, tenantZone, chunkNumber, false);
        } catch (ChunkWriter.LostRace race) {
            LOG.infof("import chunk raced another writer of the same phone, written again row by row tenant=%s import=%s"
                    + " chunk=%d", job.tenantId, job.id, chunkNumber);
            return writeChunk(job, policy, chunk, offset, tenantZone, chunkNumber, true);
        }
    }

    private boolean writeChunk(ContactImport job, DuplicatePolicy policy, List<RowOutcome> chunk, long offset,
            String tenantZone, int chunkNumber, boolean careful) {
        Runnable beforeInsert = careful ? null : beforeInsertOnce.remove(job.tenantId);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!lockAt(connection, job, offset)) {
                    return false;
                }
                OffsetDateTime now = now();
                List<Outbox.Prepared> created = new ArrayList<>();
                List<ContactUpdatedV1> updated = new ArrayList<>();
                List<ConsentGrantedV1> consents = new ArrayList<>();
                ChunkWriter.Counts counts = new ChunkWriter(connection, job.tenantId, job.id, policy, job.tags, tenantZone,
                        careful, beforeInsert)
                        .write(chunk, optOuts, now, new EventSerializer(outbox, job.tenantId), created, updated, consents);
                outbox.publishPrepared(created);
                outbox.publishAll(EventCatalog.CONTACT_UPDATED, job.tenantId, updated);
                outbox.publishAll(EventCatalog.CONSENT_GRANTED, job.tenantId, consents);
                try (PreparedStatement progress = connection.prepareStatement("""
                        UPDATE contact_import SET rows_processed = rows_processed + ?, rows_imported = rows_imported + ?,
                            rows_updated = rows_updated + ?, rows_skipped = rows_skipped + ?, rows_failed = rows_failed + ?,
                            rows_flagged = rows_flagged + ?, updated_at = ?
                        WHERE tenant_id = ? AND id = ?""")) {
                    progress.setLong(1, counts.processed());
                    progress.setLong(2, counts.imported());
                    progress.setLong(3, counts.updated());
                    progress.setLong(4, counts.skipped());
                    progress.setLong(5, counts.failed());
                    progress.setLong(6, counts.flagged());
                    progress.setObject(7, now);
                    progress.setObject(8, job.tenantId);
                    progress.setObject(9, job.id);
                    progress.executeUpdate();
                }
                if (crashInChunk.remove(job.tenantId, chunkNumber)) {
                    throw new SimulatedCrash();
                }
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("import chunk failed: " + e.getMessage(), e);
            }
        });
    }

    private void awaitGate(UUID tenantId) {
        java.util.concurrent.Semaphore gate = chunkGates.get(tenantId);
        if (gate != null) {
            gate.acquireUninterruptibly();
        }
    }

    private static boolean lockAt(Connection connection, ContactImport job, long offset) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT status, rows_processed FROM contact_import WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            lock.setObject(1, job.tenantId);
            lock.setObject(2, job.id);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && ContactImport.RUNNING.equals(rs.getString(1)) && rs.getLong(2) == offset;
            }
        }
    }

    private boolean start(ContactImport job, long total, String delimiter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContactImport locked = imports.findForTenant(job.tenantId, job.id).orElse(null);
            if (locked == null || !ContactImport.QUEUED.equals(locked.status)) {
                return false;
            }
            imports.getEntityManager().lock(locked, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            imports.getEntityManager().refresh(locked);
            if (!ContactImport.QUEUED.equals(locked.status)) {
                return false;
            }
            locked.status = ContactImport.RUNNING;
            locked.rowsTotal = total;
            locked.delimiter = delimiter;
            locked.startedAt = now();
            locked.updatedAt = locked.startedAt;
            return true;
        });
    }

    /** Ends a running job (completed or failed) with its event; a job someone else ended (cancel) is left as it is. */
    private void finish(ContactImport job, String status, String error, Path file) {
        QuarkusTransaction.requiringNew().run(() -> {
            ContactImport locked = imports.getEntityManager().find(ContactImport.class, job.id,
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (locked == null || !job.tenantId.equals(locked.tenantId) || locked.finished()) {
                return;
            }
            locked.status = status;
            locked.error = error;
            locked.finishedAt = now();
            locked.updatedAt = locked.finishedAt;
            ImportEvents.publishEnded(outbox, locked);
            imports.getEntityManager().createNativeQuery("DELETE FROM contact_import_work WHERE import_id = ?1")
                    .setParameter(1, job.id).executeUpdate();
            LOG.infof("import %s tenant=%s import=%s processed=%d imported=%d updated=%d skipped=%d failed=%d flagged=%d",
                    status, job.tenantId, job.id, locked.rowsProcessed, locked.rowsImported, locked.rowsUpdated,
                    locked.rowsSkipped, locked.rowsFailed, locked.rowsFlagged);
        });
        deleteSpool(file);
    }

    private void cleanUpIfEnded(ContactImport job, Path file) {
        ContactImport current = QuarkusTransaction.requiringNew()
                .call(() -> imports.findForTenant(job.tenantId, job.id).orElse(null));
        if (current == null || current.finished()) {
            cleanUp(job, file);
        }
    }

    private void cleanUp(ContactImport job, Path file) {
        QuarkusTransaction.requiringNew().run(() -> imports.getEntityManager()
                .createNativeQuery("DELETE FROM contact_import_work WHERE import_id = ?1").setParameter(1, job.id)
                .executeUpdate());
        deleteSpool(file);
    }

    private static void deleteSpool(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Thrown by the test seam {@link #crashInChunk}: rolls the chunk back and stops the job as a crash would. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }
}
