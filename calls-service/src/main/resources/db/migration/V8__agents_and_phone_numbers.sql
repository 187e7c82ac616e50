-- Agents (the provider-side assistant a call talks to) and the tenant's phone numbers. Issue 10 builds their APIs;
-- the outbound dialer (issue 11) places calls as an agent through its connection, from the agent's number.
CREATE TABLE agent (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    name              TEXT        NOT NULL,
    description       TEXT,
    -- a connection with agents cannot be deleted (409): disable it instead
    connection_id     UUID        NOT NULL REFERENCES provider_connection (id),
    -- the assistant's id at the provider (VAPI assistantId, Retell agent_id, ElevenLabs agent_id, Bolna agent_id);
    -- for Twilio the TwiML/voice application the call is connected to
    provider_agent_id TEXT        NOT NULL,
    type              TEXT        NOT NULL DEFAULT 'call' CHECK (type IN ('call', 'chat')),
    system_prompt     TEXT,
    greeting          TEXT,
    template          TEXT        NOT NULL DEFAULT 'custom',
    voice_config      JSONB       NOT NULL DEFAULT '{}',
    llm_config        JSONB       NOT NULL DEFAULT '{}',
    task_config       JSONB       NOT NULL DEFAULT '{}',
    enabled           BOOLEAN     NOT NULL DEFAULT true,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT agent_connection_provider_agent_unique UNIQUE (connection_id, provider_agent_id)
);
CREATE INDEX agent_tenant_created ON agent (tenant_id, created_at DESC, id DESC);
CREATE INDEX agent_tenant_provider_agent ON agent (tenant_id, provider_agent_id);
SELECT switchboard_enable_tenant_rls('agent');

CREATE TABLE phone_number (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    e164              TEXT        NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    friendly_name     TEXT,
    -- ISO 3166-1 alpha-2, derived from the number when not given
    country           TEXT        CHECK (country ~ '^[A-Z]{2}$'),
    -- any of "voice", "sms", "mms"
    capabilities      JSONB       NOT NULL DEFAULT '["voice"]',
    connection_id     UUID        REFERENCES provider_connection (id),
    -- the provider's id for the number (Twilio PN..., VAPI phoneNumberId, ElevenLabs agent_phone_number_id)
    provider_sid      TEXT,
    agent_id          UUID        REFERENCES agent (id) ON DELETE SET NULL,
    active            BOOLEAN     NOT NULL DEFAULT true,
    -- IANA zone the routing schedule is read in
    time_zone         TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    -- per tenant: a global constraint would tell one tenant that another holds a number
    CONSTRAINT phone_number_tenant_e164_unique UNIQUE (tenant_id, e164)
);
CREATE INDEX phone_number_tenant_created ON phone_number (tenant_id, created_at DESC, id DESC);
CREATE INDEX phone_number_agent ON phone_number (agent_id) WHERE agent_id IS NOT NULL;
SELECT switchboard_enable_tenant_rls('phone_number');
