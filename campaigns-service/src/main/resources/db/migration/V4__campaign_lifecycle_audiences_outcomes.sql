-- Issue 11, campaigns part (docs/campaigns.md): lifecycle, counters, audiences (CSV uploads, contacts replica for
-- tags), outcomes from call events and callbacks.

-- maxRetries (V3) replaces maxAttempts: V3 already copied max_attempts - 1 into max_retries
ALTER TABLE campaign DROP COLUMN max_attempts;

ALTER TABLE campaign
    -- ISO 3166-1 alpha-2 region for national numbers in uploads (e.g. US); null: numbers must be international
    ADD COLUMN default_region    TEXT,
    -- counters kept from call events (docs/campaigns.md "Outcomes"): one atomic increment per applied event
    ADD COLUMN dialed_count      INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN completed_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN busy_count        INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN no_answer_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN voicemail_count   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN failed_count      INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN dnc_count         INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN expired_count     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN callback_count    INTEGER NOT NULL DEFAULT 0,
    -- incremented by the dispatcher each time a dial-time check postpones a row (its reason in last_skip_reason)
    ADD COLUMN skipped_count     INTEGER NOT NULL DEFAULT 0;

ALTER TABLE call_queue
    -- dial requests answered dial.expired: they were never dialed, so they do not count against max_retries
    -- (dials used = attempts - expirations); attempts itself only grows, so "<id>:<attempt>" is never reused
    ADD COLUMN expirations  INTEGER NOT NULL DEFAULT 0 CHECK (expirations >= 0),
    -- a callback the recipient asked for while the call was live; applied when the call's outcome arrives
    ADD COLUMN callback_at  TIMESTAMPTZ,
    -- the audience upload that added the row (null for tags, direct calls)
    ADD COLUMN upload_id    UUID;

-- Every call placed for a queue row, with the dial request it answered: an outcome of a call that is not the row's
-- current attempt is stale and ignored; callbacks find their row through it.
CREATE TABLE queue_call (
    call_id          UUID        PRIMARY KEY,
    tenant_id        UUID        NOT NULL,
    queue_item_id    UUID        NOT NULL REFERENCES call_queue (id) ON DELETE CASCADE,
    dial_request_id  TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX queue_call_item ON queue_call (queue_item_id);
SELECT switchboard_enable_tenant_rls('queue_call');

-- One audience addition: a CSV upload or a tag selection, with its counts.
CREATE TABLE audience_upload (
    id            UUID        PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    campaign_id   UUID        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    source        TEXT        NOT NULL CHECK (source IN ('csv', 'tags')),
    status        TEXT        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    rows_total    INTEGER     NOT NULL DEFAULT 0,
    rows_queued   INTEGER     NOT NULL DEFAULT 0,
    -- the number appears earlier in the same file, or the campaign already has a live row for it
    rows_duplicate INTEGER    NOT NULL DEFAULT 0,
    rows_invalid  INTEGER     NOT NULL DEFAULT 0,
    error         TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ
);
CREATE INDEX audience_upload_campaign ON audience_upload (tenant_id, campaign_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('audience_upload');

-- Per-row problems of an upload (line numbers as in the file, the header is line 1); no row content kept.
CREATE TABLE audience_upload_error (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    upload_id   UUID        NOT NULL REFERENCES audience_upload (id) ON DELETE CASCADE,
    line        INTEGER     NOT NULL,
    field       TEXT,
    reason      TEXT        NOT NULL
);
CREATE INDEX audience_upload_error_upload ON audience_upload_error (upload_id, line, id);
SELECT switchboard_enable_tenant_rls('audience_upload_error');

-- Contacts replica (switchboard.contacts events) for audiences by tag: phone, dialing zones and tags only.
CREATE TABLE contact_replica (
    tenant_id    UUID        NOT NULL,
    contact_id   UUID        NOT NULL,
    phone        TEXT        NOT NULL,
    time_zones   JSONB       NOT NULL DEFAULT '[]',
    tags         JSONB       NOT NULL DEFAULT '[]',
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, contact_id)
);
CREATE INDEX contact_replica_tags ON contact_replica USING GIN (tags jsonb_path_ops);
SELECT switchboard_enable_tenant_rls('contact_replica');

-- The campaign scheduler (start dates, end dates, exhausted audiences) reads every tenant's campaigns through this
-- SECURITY DEFINER function only, which returns ids; it then acts as each campaign's tenant under RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY campaign_scheduler_owner ON campaign TO %I USING (true) WITH CHECK (true)', current_user);
    EXECUTE format('CREATE POLICY campaign_scheduler_owner ON call_queue TO %I USING (true) WITH CHECK (true)', current_user);
END;
$$;

CREATE FUNCTION switchboard_campaigns_due(max_rows INT)
    RETURNS TABLE (campaign_tenant UUID, due_campaign UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT tenant_id, id FROM campaign c
    WHERE (c.status = 'scheduled' AND (c.start_date IS NULL
               OR c.start_date <= (now() AT TIME ZONE coalesce(c.time_zone, 'UTC'))::date))
       OR (c.status IN ('active', 'paused') AND c.end_date IS NOT NULL
               AND c.end_date < (now() AT TIME ZONE coalesce(c.time_zone, 'UTC'))::date)
       OR (c.status = 'active' AND EXISTS (SELECT 1 FROM call_queue q WHERE q.campaign_id = c.id)
               AND NOT EXISTS (SELECT 1 FROM call_queue q WHERE q.campaign_id = c.id
                                                          AND q.status IN ('pending', 'processing')))
    LIMIT max_rows
$$;
