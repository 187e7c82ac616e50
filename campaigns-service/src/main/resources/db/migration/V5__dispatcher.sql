-- Issue 11, the dispatcher: concurrency slots, the decision record (also the dial log attempt caps count from),
-- replicas of the contacts and credits contexts' compliance facts, tenant compliance rules and dialer settings,
-- and the cross-tenant reads the dispatcher needs before it can act per tenant (docs/dispatcher.md).

-- One row per dial request holding a concurrency slot: taken at claim, released (deleted) by the call's terminal
-- event or, when the call never reports back, by the lease reaper once expires_at passes.
CREATE TABLE active_call (
    dial_request_id TEXT        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    queue_item_id   UUID        NOT NULL,
    -- null for a direct call
    campaign_id     UUID,
    call_type       TEXT        NOT NULL CHECK (call_type IN ('campaign', 'direct')),
    -- known once calls-service answers call.initiated
    call_id         UUID,
    taken_at        TIMESTAMPTZ NOT NULL,
    -- no call yet: the row's lease expiry (then the request is re-published); a call: taken_at + max call duration
    expires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX active_call_tenant_campaign ON active_call (tenant_id, campaign_id);
CREATE UNIQUE INDEX active_call_call ON active_call (call_id) WHERE call_id IS NOT NULL;
CREATE INDEX active_call_expiry ON active_call (expires_at);
SELECT switchboard_enable_tenant_rls('active_call');

-- Why a queue item was dialed or skipped at one moment: what docs/dispatcher.md "Decision record" lists.
-- The 'dialed' rows are the dial log attempt caps count across campaigns.
CREATE TABLE dial_decision (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    queue_item_id   UUID        NOT NULL,
    campaign_id     UUID,
    attempt         INTEGER     NOT NULL,
    -- dialed: a dial request went out; reclaimed: the same request re-published after its lease expired;
    -- skipped: rescheduled to next_attempt_at for skip_reason
    outcome         TEXT        NOT NULL CHECK (outcome IN ('dialed', 'reclaimed', 'skipped')),
    skip_reason     TEXT,
    dial_request_id TEXT,
    call_id         UUID,
    phone           TEXT        NOT NULL,
    not_after       TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ,
    lease_owner     TEXT        NOT NULL,
    -- zones and local times, window, replica positions, caps and counts, the hook's answer
    detail          JSONB       NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    CHECK ((outcome = 'skipped') = (skip_reason IS NOT NULL))
);
CREATE INDEX dial_decision_item ON dial_decision (tenant_id, queue_item_id, decided_at DESC, id DESC);
CREATE INDEX dial_decision_call ON dial_decision (tenant_id, call_id) WHERE call_id IS NOT NULL;
CREATE INDEX dial_decision_request ON dial_decision (tenant_id, dial_request_id) WHERE dial_request_id IS NOT NULL;
CREATE INDEX dial_decision_phone_dialed ON dial_decision (tenant_id, phone, decided_at) WHERE outcome = 'dialed';
CREATE INDEX dial_decision_tenant_time ON dial_decision (tenant_id, decided_at);
SELECT switchboard_enable_tenant_rls('dial_decision');

-- Replica of what blocks a voice call, fed by switchboard.contacts: a DNC list entry (kind dnc, ref = list id,
-- internal = the tenant's own list), a voice opt-out (ref = opt-out id), a do_not_contact customer (ref = customer id).
CREATE TABLE blocked_number (
    tenant_id  UUID        NOT NULL,
    phone      TEXT        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('dnc', 'optout', 'do_not_contact')),
    ref        TEXT        NOT NULL,
    internal   BOOLEAN     NOT NULL DEFAULT false,
    since      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, phone, kind, ref)
);
SELECT switchboard_enable_tenant_rls('blocked_number');

-- Replica of recorded consents (consent.granted / consent.revoked).
CREATE TABLE consent_replica (
    tenant_id    UUID        NOT NULL,
    consent_id   TEXT        NOT NULL,
    phone        TEXT        NOT NULL,
    channel      TEXT        NOT NULL,
    consent_type TEXT,
    captured_at  TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    PRIMARY KEY (tenant_id, consent_id)
);
CREATE INDEX consent_replica_phone ON consent_replica (tenant_id, phone);
SELECT switchboard_enable_tenant_rls('consent_replica');

-- The last conversation per number (call.completed with status completed and a duration): "none for D days after".
CREATE TABLE conversation_replica (
    tenant_id            UUID        NOT NULL,
    phone                TEXT        NOT NULL,
    last_conversation_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, phone)
);
SELECT switchboard_enable_tenant_rls('conversation_replica');

-- Replica of credits.balance_changed: the latest balance per tenant (events keyed by tenant arrive in order).
CREATE TABLE credit_balance (
    tenant_id  UUID        PRIMARY KEY,
    balance    BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('credit_balance');

-- The last event each replica consumed per tenant (the decision record names it).
CREATE TABLE replica_position (
    tenant_id       UUID        NOT NULL,
    replica         TEXT        NOT NULL CHECK (replica IN ('contacts', 'credits')),
    last_event_id   UUID        NOT NULL,
    last_event_type TEXT        NOT NULL,
    last_event_time TIMESTAMPTZ NOT NULL,
    consumed_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, replica)
);
SELECT switchboard_enable_tenant_rls('replica_position');

-- Attempt caps per number across every campaign and direct call of the tenant (/api/v1/compliance-rules).
CREATE TABLE compliance_rule (
    tenant_id                     UUID        PRIMARY KEY,
    preset                        TEXT        CHECK (preset IN ('us_reg_f', 'custom')),
    max_attempts                  INTEGER     CHECK (max_attempts BETWEEN 1 AND 1000),
    window_days                   INTEGER     CHECK (window_days BETWEEN 1 AND 365),
    quiet_days_after_conversation INTEGER     NOT NULL DEFAULT 0 CHECK (quiet_days_after_conversation BETWEEN 0 AND 365),
    updated_at                    TIMESTAMPTZ NOT NULL,
    CHECK ((max_attempts IS NULL) = (window_days IS NULL))
);
SELECT switchboard_enable_tenant_rls('compliance_rule');

-- The tenant's concurrent call limit (/api/v1/dialer-settings); no row: switchboard.dialer.default-tenant-limit.
CREATE TABLE dialer_setting (
    tenant_id            UUID        PRIMARY KEY,
    max_concurrent_calls INTEGER     NOT NULL CHECK (max_concurrent_calls BETWEEN 1 AND 10000),
    updated_at           TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('dialer_setting');

-- the dispatcher's per-campaign scan: callbacks first, then priority, then oldest due
CREATE INDEX call_queue_campaign_due ON call_queue (campaign_id, (kind = 'callback') DESC, priority DESC, scheduled_for)
    WHERE status = 'pending';
CREATE INDEX call_queue_tenant_scheduled ON call_queue (tenant_id, scheduled_for) WHERE status = 'pending';

-- The dispatcher's two cross-tenant reads. The owner role (the one migrating, never the one the service connects
-- as) may read every row and lends that right only to these SECURITY DEFINER functions, which return ids only;
-- every claim, check and write then runs as the tenant, under row-level security (as calls-service V3 does).
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_functions ON call_queue TO %I USING (true) WITH CHECK (true)', current_user);
    EXECUTE format('CREATE POLICY owner_functions ON active_call TO %I USING (true) WITH CHECK (true)', current_user);
END;
$$;

-- Tenants with at least one due pending row: a skip scan over tenant ids (one index probe per tenant, however
-- deep its backlog), so the dispatcher can give every tenant its share of a round.
-- Tenants after after_tenant (rounds rotate through them).
CREATE FUNCTION switchboard_dialer_due_tenants(due_at TIMESTAMPTZ, max_tenants INT, after_tenant UUID)
    RETURNS TABLE (due_tenant UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH RECURSIVE tenants(t) AS (
        (SELECT tenant_id FROM call_queue WHERE status = 'pending' AND tenant_id > after_tenant ORDER BY tenant_id LIMIT 1)
        UNION ALL
        SELECT (SELECT q.tenant_id FROM call_queue q WHERE q.status = 'pending' AND q.tenant_id > tenants.t
                ORDER BY q.tenant_id LIMIT 1)
        FROM tenants WHERE tenants.t IS NOT NULL
    )
    SELECT t FROM tenants
    WHERE t IS NOT NULL
      AND EXISTS (SELECT 1 FROM call_queue q WHERE q.tenant_id = tenants.t AND q.status = 'pending'
                  AND q.scheduled_for <= due_at)
    LIMIT max_tenants
$$;

-- Slots whose expiry passed: a request that got no call yet (re-published) or a call that never reported back.
CREATE FUNCTION switchboard_dialer_expired_slots(due_at TIMESTAMPTZ, max_slots INT)
    RETURNS TABLE (slot_dial_request_id TEXT, slot_tenant UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT dial_request_id, tenant_id FROM active_call WHERE expires_at <= due_at ORDER BY expires_at LIMIT max_slots
$$;
