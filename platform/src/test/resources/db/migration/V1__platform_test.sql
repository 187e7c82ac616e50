-- The test application's tables: both are tenant tables with row-level security, like every service's.
CREATE TABLE note (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('note');

-- One row per event the handler applied: "applied exactly once" is a count here.
CREATE TABLE applied_event (
    event_id    UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    call_id     TEXT        NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
SELECT switchboard_enable_tenant_rls('applied_event');
