-- Inbound routing (issue 10, seed 004): a routing schedule per phone number, and on the call the number it came in on
-- and how it was routed.

-- transferred_to_team | direct_to_agent: the first routing decision; team_no_answer: the team did not answer and the
-- call went to the agent; completed: a routed call ended completed. NULL: not routed (outbound, or refused).
ALTER TABLE call
    ADD COLUMN routing_status  TEXT CHECK (routing_status IN ('transferred_to_team', 'team_no_answer', 'direct_to_agent', 'completed')),
    ADD COLUMN phone_number_id UUID REFERENCES phone_number (id) ON DELETE SET NULL;
CREATE INDEX call_tenant_phone_number ON call (tenant_id, phone_number_id, created_at DESC, id DESC) WHERE phone_number_id IS NOT NULL;

-- One schedule per number, read in the number's time zone (phone_number.time_zone).
CREATE TABLE phone_number_routing (
    phone_number_id      UUID        PRIMARY KEY REFERENCES phone_number (id) ON DELETE CASCADE,
    tenant_id            UUID        NOT NULL,
    -- E.164; required when any hours are set (inside hours the call is transferred there)
    team_number          TEXT        CHECK (team_number ~ '^\+[1-9][0-9]{6,14}$'),
    ring_timeout_seconds INTEGER     NOT NULL DEFAULT 20 CHECK (ring_timeout_seconds BETWEEN 5 AND 120),
    -- [{"day": "MONDAY", "start": "09:00", "end": "17:00"}, ...], validated by the API (start < end, no overlaps)
    weekly_hours         JSONB       NOT NULL DEFAULT '[]',
    -- [{"date": "2026-12-25", "closed": true}, {"date": "2026-12-24", "closed": false, "hours": [{"start": ..., "end": ...}]}]
    holidays             JSONB       NOT NULL DEFAULT '[]',
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX phone_number_routing_tenant ON phone_number_routing (tenant_id);
SELECT switchboard_enable_tenant_rls('phone_number_routing');

-- the webhook finds the number a call came in on by (tenant, e164): served by phone_number_tenant_e164_unique (V8)
