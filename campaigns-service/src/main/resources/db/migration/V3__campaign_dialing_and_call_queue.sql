-- Issue 11: what a campaign needs to dial (lifecycle, dates, weekdays, zone policy, retries per outcome, priority,
-- DNC lists, consent, pre-dial hook) and the call queue the dispatcher claims from.
ALTER TABLE campaign DROP CONSTRAINT campaign_status_check;
UPDATE campaign SET status = 'cancelled' WHERE status = 'canceled';
ALTER TABLE campaign ADD CONSTRAINT campaign_status_check
    CHECK (status IN ('draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled'));

ALTER TABLE campaign
    -- the goal handed to the agent (seed 003's next_action)
    ADD COLUMN next_action              TEXT,
    -- ISO weekdays (1 = Monday … 7 = Sunday) on which the recipient's local date may be dialed
    ADD COLUMN allowed_weekdays         JSONB       NOT NULL DEFAULT '[1,2,3,4,5]',
    -- dates read in time_zone (UTC when null): dialing starts at start_date 00:00 and stops after end_date
    ADD COLUMN start_date               DATE,
    ADD COLUMN end_date                 DATE,
    -- 'recipient': the window is read in each recipient's zone(s); 'campaign': in time_zone for everyone
    ADD COLUMN time_zone_policy         TEXT        NOT NULL DEFAULT 'recipient'
                                                    CHECK (time_zone_policy IN ('recipient', 'campaign')),
    ADD COLUMN time_zone                TEXT,
    ADD COLUMN max_retries              INTEGER     NOT NULL DEFAULT 2 CHECK (max_retries BETWEEN 0 AND 5),
    ADD COLUMN retry_busy_minutes       INTEGER     NOT NULL DEFAULT 30 CHECK (retry_busy_minutes BETWEEN 1 AND 1440),
    ADD COLUMN retry_no_answer_minutes  INTEGER     NOT NULL DEFAULT 120 CHECK (retry_no_answer_minutes BETWEEN 1 AND 1440),
    ADD COLUMN retry_voicemail_minutes  INTEGER     NOT NULL DEFAULT 240 CHECK (retry_voicemail_minutes BETWEEN 1 AND 1440),
    ADD COLUMN retry_failed_minutes     INTEGER     NOT NULL DEFAULT 60 CHECK (retry_failed_minutes BETWEEN 1 AND 1440),
    -- share of the tenant's slots among its active campaigns: higher gets more
    ADD COLUMN priority                 INTEGER     NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    -- named do-not-call lists (contacts-service ids) checked on top of the tenant's internal list
    ADD COLUMN dnc_list_ids             JSONB       NOT NULL DEFAULT '[]',
    ADD COLUMN require_voice_consent    BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN pre_dial_hook_url        TEXT,
    ADD COLUMN pre_dial_hook_secret     TEXT,
    ADD COLUMN pre_dial_hook_timeout_ms INTEGER     NOT NULL DEFAULT 5000
                                                    CHECK (pre_dial_hook_timeout_ms BETWEEN 1000 AND 30000),
    -- what a hook timeout or error means: true = dial anyway, false = skip and retry later
    ADD COLUMN pre_dial_hook_fail_open  BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN started_at               TIMESTAMPTZ,
    ADD COLUMN completed_at             TIMESTAMPTZ,
    ADD CONSTRAINT campaign_zone_policy CHECK (time_zone_policy = 'recipient' OR time_zone IS NOT NULL),
    ADD CONSTRAINT campaign_dates CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date);
UPDATE campaign SET max_retries = LEAST(GREATEST(max_attempts - 1, 0), 5);

-- One row per number to dial: campaign recipients and direct calls alike (seed 003's call_queue).
CREATE TABLE call_queue (
    id               UUID        PRIMARY KEY,
    tenant_id        UUID        NOT NULL,
    -- null for a direct call
    campaign_id      UUID        REFERENCES campaign (id) ON DELETE CASCADE,
    call_type        TEXT        NOT NULL CHECK (call_type IN ('campaign', 'direct')),
    -- 'fresh' lead, 'retry' after an outcome, 'callback' the recipient asked for (ahead of fresh leads)
    kind             TEXT        NOT NULL DEFAULT 'fresh' CHECK (kind IN ('fresh', 'retry', 'callback')),
    contact_id       UUID,
    agent_id         UUID        NOT NULL,
    phone            TEXT        NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    -- the recipient's candidate IANA zones (contact's, else every zone the number may ring in); never empty
    time_zones       JSONB       NOT NULL,
    -- dynamic variables handed to the agent
    variables        JSONB       NOT NULL DEFAULT '{}',
    -- pending: waiting to be due and allowed; processing: claimed, a dial request is out or a call is live;
    -- busy / no_answer: the last outcome with no retry left; completed / failed / cancelled: done
    status           TEXT        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled',
                                                   'busy', 'no_answer')),
    -- higher first within a tenant; direct calls always go before campaign calls
    priority         INTEGER     NOT NULL DEFAULT 0,
    scheduled_for    TIMESTAMPTZ NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_retries      INTEGER     NOT NULL DEFAULT 0 CHECK (max_retries BETWEEN 0 AND 5),
    last_attempt_at  TIMESTAMPTZ,
    -- completed, busy, no_answer, voicemail, failed, expired, dnc, … of the last attempt
    last_outcome     TEXT,
    lease_owner      TEXT,
    lease_expires_at TIMESTAMPTZ,
    last_skip_reason TEXT,
    -- the current attempt's dial request ("<id>:<attempt>") and, once calls-service answers, its call
    dial_request_id  TEXT,
    call_id          UUID,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((call_type = 'direct') = (campaign_id IS NULL)),
    CHECK (status <> 'processing' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);
-- the dispatcher's scan: due pending rows, direct first, then priority, oldest first
CREATE INDEX call_queue_due ON call_queue (scheduled_for) WHERE status = 'pending';
CREATE INDEX call_queue_tenant_due ON call_queue (tenant_id, call_type, priority DESC, scheduled_for)
    WHERE status = 'pending';
CREATE INDEX call_queue_lease ON call_queue (lease_expires_at) WHERE status = 'processing';
CREATE INDEX call_queue_campaign_status ON call_queue (campaign_id, status);
CREATE INDEX call_queue_tenant_created ON call_queue (tenant_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX call_queue_call ON call_queue (call_id) WHERE call_id IS NOT NULL;
-- one live queue row per number and campaign (the audience dedupe)
CREATE UNIQUE INDEX call_queue_campaign_phone ON call_queue (campaign_id, phone)
    WHERE campaign_id IS NOT NULL AND status IN ('pending', 'processing');
SELECT switchboard_enable_tenant_rls('call_queue');
