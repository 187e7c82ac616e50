package io.switchboard.contacts.importer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An import job (V11__contact_imports.sql). The worker advances it with SQL, chunk by chunk; the API reads it. */
@Entity
@Table(name = "contact_import")
public class ContactImport {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String UNDONE = "undone";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String format;

    @Column(nullable = false)
    public String delimiter;

    @Column(name = "duplicate_policy", nullable = false)
    public String duplicatePolicy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> mapping = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_bytes", nullable = false)
    public long fileBytes;

    @Column(name = "spool_path", nullable = false)
    public String spoolPath;

    @Column(name = "rows_total")
    public Long rowsTotal;

    @Column(name = "rows_processed", nullable = false)
    public long rowsProcessed;

    @Column(name = "rows_imported", nullable = false)
    public long rowsImported;

    @Column(name = "rows_updated", nullable = false)
    public long rowsUpdated;

    @Column(name = "rows_skipped", nullable = false)
    public long rowsSkipped;

    @Column(name = "rows_failed", nullable = false)
    public long rowsFailed;

    @Column(name = "rows_flagged", nullable = false)
    public long rowsFlagged;

    public String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean finished() {
        return !QUEUED.equals(status) && !RUNNING.equals(status);
    }
}
