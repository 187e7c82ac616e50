package io.switchboard.contacts.importer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Import", description = "A list import job and its progress")
public record ImportView(
        UUID id,
        @Schema(enumeration = {"queued", "running", "completed", "failed", "cancelled", "undone"}) String status,
        @Schema(enumeration = {"csv", "vicidial"}) String format,
        @Schema(description = "comma|semicolon|tab|pipe, or auto until the worker has read the first line") String delimiter,
        @Schema(enumeration = {"skip", "update", "keep_both"}) String duplicatePolicy,
        Map<String, String> mapping,
        List<String> tags,
        String fileName,
        long fileBytes,
        @Schema(description = "data rows in the file; null until the file has been validated") Long rowsTotal,
        long rowsProcessed,
        long rowsImported,
        long rowsUpdated,
        long rowsSkipped,
        long rowsFailed,
        @Schema(description = "imported, but the number is opted out (listed in the errors)") long rowsFlagged,
        @Schema(description = "why the whole job failed") String error,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    static ImportView of(ContactImport job) {
        return new ImportView(job.id, job.status, job.format, job.delimiter, job.duplicatePolicy, job.mapping, job.tags,
                job.fileName, job.fileBytes, job.rowsTotal, job.rowsProcessed, job.rowsImported, job.rowsUpdated,
                job.rowsSkipped, job.rowsFailed, job.rowsFlagged, job.error, job.createdAt, job.startedAt, job.finishedAt);
    }
}
