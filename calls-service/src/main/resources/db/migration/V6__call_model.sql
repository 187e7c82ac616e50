-- One call model across providers (issue 9): provider ids, disposition + flags, analysis, the timeline,
-- exactly-once processing of provider events, transcripts and recordings.

-- a provider-initiated call may have no phone number at all (a web call)
ALTER TABLE call ALTER COLUMN to_number DROP NOT NULL;

ALTER TABLE call
    ADD COLUMN provider            TEXT CHECK (provider IN ('twilio', 'vapi', 'retell', 'elevenlabs', 'bolna')),
    ADD COLUMN provider_call_id    TEXT,
    ADD COLUMN connection_id       UUID,
    ADD COLUMN provider_agent_id   TEXT,
    ADD COLUMN disposition         TEXT,
    ADD COLUMN human_answered      BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN completed_flag      BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN callback            BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN dnc                 BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN voicemail           BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN machine             BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN started_at          TIMESTAMPTZ,
    ADD COLUMN ended_at            TIMESTAMPTZ,
    ADD COLUMN duration_seconds    INTEGER CHECK (duration_seconds >= 0),
    ADD COLUMN cost                NUMERIC(14, 6),
    ADD COLUMN ended_reason        TEXT,
    ADD COLUMN summary             TEXT,
    ADD COLUMN sentiment           TEXT,
    ADD COLUMN success_evaluation  TEXT,
    ADD COLUMN structured_data     JSONB,
    ADD COLUMN last_event_at       TIMESTAMPTZ,
    ADD CONSTRAINT call_provider_id_pair CHECK ((provider IS NULL) = (provider_call_id IS NULL));

-- a provider's call id names one call per tenant and provider; the webhook path upserts on it
CREATE UNIQUE INDEX call_provider_call ON call (tenant_id, provider, provider_call_id);

-- one index per list filter, each in the list's order (newest first) so a filtered page is an index range scan;
-- the date range and the provider call id are served by call_tenant_created and call_provider_call
CREATE INDEX call_tenant_agent ON call (tenant_id, agent_id, created_at DESC, id DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX call_tenant_campaign ON call (tenant_id, campaign_id, created_at DESC, id DESC) WHERE campaign_id IS NOT NULL;
CREATE INDEX call_tenant_contact ON call (tenant_id, contact_id, created_at DESC, id DESC) WHERE contact_id IS NOT NULL;
CREATE INDEX call_tenant_status ON call (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX call_tenant_disposition ON call (tenant_id, disposition, created_at DESC, id DESC) WHERE disposition IS NOT NULL;
CREATE INDEX call_tenant_direction ON call (tenant_id, direction, created_at DESC, id DESC);
CREATE INDEX call_tenant_provider ON call (tenant_id, provider, created_at DESC, id DESC) WHERE provider IS NOT NULL;
-- the stuck-call sweep: non-terminal calls by last activity
CREATE INDEX call_open_last_event ON call (last_event_at)
    WHERE status IN ('queued', 'initiated', 'ringing', 'in_progress');

-- Exactly once: a provider event is applied at most once per tenant and provider, decided by this primary key
-- (INSERT ... ON CONFLICT DO NOTHING), not in memory.
CREATE TABLE processed_delivery (
    tenant_id       UUID        NOT NULL,
    provider        TEXT        NOT NULL,
    event_identity  TEXT        NOT NULL,
    call_id         UUID        NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    processed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, provider, event_identity)
);
CREATE INDEX processed_delivery_call ON processed_delivery (call_id);
SELECT switchboard_enable_tenant_rls('processed_delivery');

-- The timeline: every applied provider event (and manual or reconciliation change), numbered per call.
-- normalized is what the call's state is folded from; raw is the provider's payload as received.
CREATE TABLE call_event (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    call_id         UUID        NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    event_sequence  INTEGER     NOT NULL CHECK (event_sequence > 0),
    type            TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    details         JSONB       NOT NULL,
    normalized      JSONB       NOT NULL,
    raw             JSONB,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (call_id, event_sequence)
);
SELECT switchboard_enable_tenant_rls('call_event');

CREATE TABLE call_transcript (
    call_id         UUID        PRIMARY KEY REFERENCES call (id) ON DELETE CASCADE,
    tenant_id       UUID        NOT NULL,
    text            TEXT,
    turns           JSONB       NOT NULL DEFAULT '[]',
    word_count      INTEGER     NOT NULL DEFAULT 0,
    language        TEXT,
    confidence      NUMERIC(5, 4),
    updated_at      TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('call_transcript');

CREATE TABLE call_recording (
    call_id           UUID        PRIMARY KEY REFERENCES call (id) ON DELETE CASCADE,
    tenant_id         UUID        NOT NULL,
    url               TEXT        NOT NULL,
    expires_at        TIMESTAMPTZ,
    duration_seconds  INTEGER,
    updated_at        TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('call_recording');
