package io.switchboard.contacts.importer;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.imports.ImportCompletedV1;
import io.switchboard.platform.outbox.Outbox;

/** The import.completed event of a job that has just ended (completed, failed or cancelled), in the ending transaction. */
final class ImportEvents {

    private ImportEvents() {
    }

    static void publishEnded(Outbox outbox, ContactImport job) {
        outbox.publish(EventCatalog.IMPORT_COMPLETED, job.tenantId, new ImportCompletedV1(job.id.toString(), job.status,
                job.format, job.tags, job.rowsTotal == null ? 0 : job.rowsTotal, job.rowsProcessed, job.rowsImported,
                job.rowsUpdated, job.rowsSkipped, job.rowsFailed, job.rowsFlagged, job.error, job.finishedAt.toInstant()));
    }
}
