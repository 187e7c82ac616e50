-- List imports (issue 8): a job per uploaded file, its per-row errors, and what it changed so undo can revert it.
CREATE TABLE contact_import (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    status            TEXT        NOT NULL
        CONSTRAINT contact_import_status_check
        CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled', 'undone')),
    format            TEXT        NOT NULL CONSTRAINT contact_import_format_check CHECK (format IN ('csv', 'vicidial')),
    delimiter         TEXT        NOT NULL,                  -- the one character the file uses ('auto' is resolved at upload)
    duplicate_policy  TEXT        NOT NULL CONSTRAINT contact_import_policy_check CHECK (duplicate_policy IN ('skip', 'update')),
    mapping           JSONB       NOT NULL DEFAULT '{}'::jsonb, -- column -> contact field, as requested
    tags              TEXT[]      NOT NULL DEFAULT '{}',
    file_name         TEXT,
    file_bytes        BIGINT      NOT NULL,
    spool_path        TEXT        NOT NULL,                  -- the upload on the worker's disk, deleted once the job ends
    rows_total        BIGINT,                                -- known once the file has been validated
    rows_processed    BIGINT      NOT NULL DEFAULT 0,        -- data rows consumed; a resumed job skips exactly these
    rows_imported     BIGINT      NOT NULL DEFAULT 0,
    rows_updated      BIGINT      NOT NULL DEFAULT 0,
    rows_skipped      BIGINT      NOT NULL DEFAULT 0,
    rows_failed       BIGINT      NOT NULL DEFAULT 0,
    rows_flagged      BIGINT      NOT NULL DEFAULT 0,        -- imported, but the number is opted out
    error             TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX contact_import_tenant_created ON contact_import (tenant_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('contact_import');

-- One line per rejected or flagged row: row = the data row's number in the file (1 = first row after any header).
CREATE TABLE contact_import_error (
    id           UUID        PRIMARY KEY,
    tenant_id    UUID        NOT NULL,
    import_id    UUID        NOT NULL REFERENCES contact_import (id) ON DELETE CASCADE,
    row_number   BIGINT      NOT NULL,
    column_name  TEXT,
    value        TEXT,                                       -- truncated to 200 characters
    reason       TEXT        NOT NULL
);
CREATE INDEX contact_import_error_rows ON contact_import_error (import_id, row_number, id);
SELECT switchboard_enable_tenant_rls('contact_import_error');

-- The columns an import overwrote on an existing contact, as they were before (first change wins), so undo can restore them.
CREATE TABLE contact_import_change (
    import_id    UUID        NOT NULL REFERENCES contact_import (id) ON DELETE CASCADE,
    contact_id   UUID        NOT NULL,
    tenant_id    UUID        NOT NULL,
    before       JSONB       NOT NULL,
    PRIMARY KEY (import_id, contact_id)
);
SELECT switchboard_enable_tenant_rls('contact_import_change');

-- Cross-tenant work queue, like outbox_event: only ids, no tenant data, and no row-level security, because the worker
-- must find every unfinished import at startup before it knows their tenants. A row lives from upload to the job's end.
CREATE TABLE contact_import_work (
    import_id    UUID        PRIMARY KEY REFERENCES contact_import (id) ON DELETE CASCADE,
    tenant_id    UUID        NOT NULL,
    enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
