-- Calls, normalized across providers. Later migrations add provider ids, timeline, transcripts.
CREATE TABLE call (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    direction       TEXT        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    status          TEXT        NOT NULL CHECK (status IN ('queued', 'initiated', 'ringing', 'in_progress',
                                                            'completed', 'busy', 'no_answer', 'failed', 'canceled')),
    from_number     TEXT,
    to_number       TEXT        NOT NULL,
    agent_id        UUID,
    campaign_id     UUID,
    contact_id      UUID,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX call_tenant_created ON call (tenant_id, created_at DESC, id DESC);
