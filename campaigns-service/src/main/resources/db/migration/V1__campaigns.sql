-- Campaigns: outbound dialing plans. Later migrations add uploads, batch contacts, the call queue and leases.
CREATE TABLE campaign (
    id                    UUID        PRIMARY KEY,
    tenant_id             UUID        NOT NULL,
    name                  TEXT        NOT NULL,
    status                TEXT        NOT NULL DEFAULT 'draft'
                                      CHECK (status IN ('draft', 'active', 'paused', 'completed', 'canceled')),
    agent_id              UUID,
    -- local time of the recipient (contact's time zone, else the number's); both or neither
    calling_window_start  TIME,
    calling_window_end    TIME,
    max_concurrent_calls  INTEGER     CHECK (max_concurrent_calls > 0),
    max_attempts          INTEGER     NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT campaign_calling_window CHECK (
        (calling_window_start IS NULL) = (calling_window_end IS NULL)
        AND (calling_window_start IS NULL OR calling_window_start < calling_window_end)),
    -- named so the service can recognise a lost insert race and answer 409
    CONSTRAINT campaign_tenant_name_unique UNIQUE (tenant_id, name)
);
CREATE INDEX campaign_tenant_created ON campaign (tenant_id, created_at DESC, id DESC);
