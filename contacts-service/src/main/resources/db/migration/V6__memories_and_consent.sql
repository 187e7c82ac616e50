-- Memories: facts per contact, added by hand (manual) or taken from a call's analysis (auto, with the call id).
CREATE TABLE memory (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    contact_id  UUID        NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL CONSTRAINT memory_kind_check CHECK (kind IN ('manual', 'auto')),
    content     TEXT        NOT NULL,
    call_id     UUID,                   -- the analysed call (calls context) an auto memory came from
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT memory_auto_has_call CHECK (kind = 'manual' OR call_id IS NOT NULL)
);
CREATE INDEX memory_contact_created ON memory (tenant_id, contact_id, created_at DESC, id DESC);
-- one fact per call: a re-published analysis (a new event id the inbox cannot recognise) adds nothing twice.
-- Not keyed by contact, so merging contacts (re-pointing contact_id) can never collide on it.
CREATE UNIQUE INDEX memory_auto_call_fact ON memory (tenant_id, call_id, md5(content)) WHERE kind = 'auto';
SELECT switchboard_enable_tenant_rls('memory');

-- Consent to be contacted on a channel (TCPA: artificial-voice calls need prior express (written) consent).
CREATE TABLE consent (
    id            UUID        PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    contact_id    UUID        NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    channel       TEXT        NOT NULL CONSTRAINT consent_channel_check CHECK (channel IN ('voice', 'sms', 'email')),
    consent_type  TEXT        NOT NULL CONSTRAINT consent_type_check
                      CHECK (consent_type IN ('prior_express_written', 'prior_express', 'existing_relationship')),
    source        TEXT,                  -- where it was captured: web_form, call, import, api ...
    captured_at   TIMESTAMPTZ NOT NULL,
    evidence      TEXT,                  -- the wording agreed to, or a URL to the signed form / recording
    expires_at    TIMESTAMPTZ,           -- null: does not expire
    revoked_at    TIMESTAMPTZ,           -- null: in force
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT consent_expires_after_capture CHECK (expires_at IS NULL OR expires_at > captured_at)
);
CREATE INDEX consent_contact_created ON consent (tenant_id, contact_id, created_at DESC, id DESC);
-- "does this contact have valid consent on this channel now": only unrevoked rows matter
CREATE INDEX consent_in_force ON consent (tenant_id, contact_id, channel) WHERE revoked_at IS NULL;
SELECT switchboard_enable_tenant_rls('consent');
