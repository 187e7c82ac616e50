-- Issue 12: a completed call's duration can change after call.completed (call.usage_changed). The minutes each
-- call contributed are kept per call, so a correction adds the difference to the day that counted the call, and an
-- event applied twice (or a second completion of one call) changes nothing. See docs/call-minutes.md.
CREATE TABLE call_minutes (
    tenant_id         UUID        NOT NULL,
    call_id           UUID        NOT NULL,
    day               DATE        NOT NULL,   -- the UTC day whose counters hold this call
    duration_seconds  BIGINT      NOT NULL,   -- what those counters hold for it
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, call_id)
);
SELECT switchboard_enable_tenant_rls('call_minutes');
