-- The full contact record (issue 8). This is the contract every contacts feature builds on:
-- imports write these columns with batched SQL, merges move rows that reference contact(id).
ALTER TABLE contact
    ADD COLUMN alternate_phone        TEXT,                      -- E.164
    ADD COLUMN company                TEXT,
    ADD COLUMN address                TEXT,
    ADD COLUMN city                   TEXT,
    ADD COLUMN state                  TEXT,
    ADD COLUMN postal_code            TEXT,
    ADD COLUMN country                TEXT,                      -- ISO 3166-1 alpha-2 when known
    ADD COLUMN notes                  TEXT,
    ADD COLUMN tags                   TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN business_context       TEXT,
    ADD COLUMN custom_fields          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN is_customer            BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN not_connected_count    INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN busy_count             INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN no_answer_count        INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN last_contact_at        TIMESTAMPTZ,
    ADD COLUMN source                 TEXT        NOT NULL DEFAULT 'api'
        CONSTRAINT contact_source_check CHECK (source IN ('manual', 'api', 'import', 'webhook')),
    ADD COLUMN source_import_id       UUID,                      -- the import that created it (undo removes exactly these)
    ADD COLUMN source_call_id         UUID,                      -- the call whose event created it
    -- the zones the dialer must honour: the explicit one, else every zone libphonenumber maps the number to,
    -- else the tenant default; time_zone keeps only what the client stated
    ADD COLUMN time_zones             TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN time_zone_source       TEXT
        CONSTRAINT contact_time_zone_source_check CHECK (time_zone_source IN ('explicit', 'number', 'tenant_default'));

CREATE INDEX contact_tags ON contact USING GIN (tags);
CREATE INDEX contact_source_import ON contact (tenant_id, source_import_id) WHERE source_import_id IS NOT NULL;

-- Per-tenant settings of this context (absent row = defaults).
CREATE TABLE contact_settings (
    tenant_id             UUID        PRIMARY KEY,
    default_region        TEXT,                   -- ISO 3166-1 alpha-2; lets imports accept national numbers
    default_time_zone     TEXT,                   -- IANA id; the last resort for dialing windows
    auto_create_contacts  BOOLEAN     NOT NULL DEFAULT true,
    save_memories         BOOLEAN     NOT NULL DEFAULT true,
    updated_at            TIMESTAMPTZ NOT NULL
);
SELECT switchboard_enable_tenant_rls('contact_settings');
