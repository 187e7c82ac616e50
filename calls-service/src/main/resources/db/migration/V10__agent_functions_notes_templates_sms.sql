-- Issue 10 (agents half): custom functions (tools) per agent, call notes, message templates, SMS settings,
-- post-call SMS log and the SMS opt-out replica. Every table carries tenant_id under row-level security.

-- A tool the agent's LLM may call. auth_config holds a SecretCipher ciphertext only (context "<id>/auth_config").
CREATE TABLE custom_function (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    agent_id          UUID        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    name              TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    endpoint          TEXT        NOT NULL,
    method            TEXT        NOT NULL CHECK (method IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')),
    headers           JSONB       NOT NULL DEFAULT '{}',
    auth_type         TEXT        NOT NULL DEFAULT 'none' CHECK (auth_type IN ('none', 'api_key', 'bearer', 'basic')),
    auth_config       TEXT,
    parameters        JSONB       NOT NULL DEFAULT '{"type":"object"}',
    response_mapping  JSONB,
    timeout_seconds   INTEGER     NOT NULL DEFAULT 30 CHECK (timeout_seconds BETWEEN 1 AND 120),
    enabled           BOOLEAN     NOT NULL DEFAULT true,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT custom_function_agent_name_unique UNIQUE (agent_id, name)
);
CREATE INDEX custom_function_agent_created ON custom_function (tenant_id, agent_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('custom_function');

-- A person's note on a call (ViciDial call notes), optionally with an agreed appointment.
CREATE TABLE call_note (
    id             UUID        PRIMARY KEY,
    tenant_id      UUID        NOT NULL,
    call_id        UUID        NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    text           TEXT        NOT NULL,
    appointment_at TIMESTAMPTZ,
    -- the token's subject: a user id, or apikey:<id>
    author         TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX call_note_call_created ON call_note (tenant_id, call_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('call_note');

CREATE TABLE message_template (
    id         UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    channel    TEXT        NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms')),
    name       TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT message_template_tenant_name_unique UNIQUE (tenant_id, name)
);
CREATE INDEX message_template_tenant_created ON message_template (tenant_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('message_template');

-- the agent's post-call SMS template (else the tenant's default)
ALTER TABLE agent ADD COLUMN sms_template_id UUID REFERENCES message_template (id) ON DELETE SET NULL;

-- One row per tenant; a tenant without a row has the defaults (seed 001: sms_enabled and sms_skip_silent true).
CREATE TABLE sms_settings (
    tenant_id           UUID        PRIMARY KEY,
    sms_enabled         BOOLEAN     NOT NULL DEFAULT true,
    sms_skip_silent     BOOLEAN     NOT NULL DEFAULT true,
    default_template_id UUID        REFERENCES message_template (id) ON DELETE SET NULL,
    -- the Twilio connection messages are sent through; none: no SMS is sent
    connection_id       UUID        REFERENCES provider_connection (id) ON DELETE SET NULL,
    -- the sender when the call has no number of ours (E.164)
    from_number         TEXT,
    updated_at          TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('sms_settings');

-- The post-call SMS of a call: at most one per call. The row is committed (status 'sending') before the provider
-- is asked, so a redelivered event finds it and never sends twice.
CREATE TABLE sms_message (
    id            UUID        PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    call_id       UUID        NOT NULL REFERENCES call (id) ON DELETE CASCADE,
    agent_id      UUID,
    template_id   UUID,
    connection_id UUID,
    to_number     TEXT,
    from_number   TEXT,
    body          TEXT,
    -- sending → the provider's status (queued, sent, delivered, undelivered, failed …); skipped: not sent (skip_reason)
    status        TEXT        NOT NULL,
    skip_reason   TEXT,
    provider_sid  TEXT,
    error_code    TEXT,
    error_message TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT sms_message_call_unique UNIQUE (call_id)
);
CREATE INDEX sms_message_tenant_created ON sms_message (tenant_id, created_at DESC, id DESC);
CREATE INDEX sms_message_provider_sid ON sms_message (provider_sid) WHERE provider_sid IS NOT NULL;
SELECT switchboard_enable_tenant_rls('sms_message');

-- Replica of contacts-service's SMS blocks: optout.added/removed (channel sms) keyed 'optout:<phone>', and
-- customer.do_not_contact_changed keyed 'customer:<customer id>'. A phone with any row gets no SMS.
CREATE TABLE sms_block (
    tenant_id  UUID        NOT NULL,
    block_key  TEXT        NOT NULL,
    phone      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, block_key)
);
CREATE INDEX sms_block_phone ON sms_block (tenant_id, phone);
SELECT switchboard_enable_tenant_rls('sms_block');
