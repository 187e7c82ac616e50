-- Contacts: the people a tenant calls. Later migrations add tags, memories, opt-outs, imports.
CREATE TABLE contact (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL,
    phone           TEXT        NOT NULL,   -- E.164, normalized by the service
    first_name      TEXT,
    last_name       TEXT,
    email           TEXT,
    time_zone       TEXT,                   -- IANA id, e.g. America/New_York; dial-time calling windows use it
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    -- named so the service can recognise a lost insert race and answer 409
    CONSTRAINT contact_tenant_phone_unique UNIQUE (tenant_id, phone)
);
CREATE INDEX contact_tenant_created ON contact (tenant_id, created_at DESC, id DESC);
