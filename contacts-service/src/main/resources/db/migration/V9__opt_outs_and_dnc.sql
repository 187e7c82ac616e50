-- Opt-outs and do-not-call lists (issue 8). Phones are E.164, normalized by the service.

-- One row per (phone, channel): adding the same opt-out twice changes nothing. The contact link is optional
-- (a number can opt out before it is anyone's contact) and survives a contact's deletion as NULL.
CREATE TABLE opt_out (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    phone       TEXT        NOT NULL,
    channel     TEXT        NOT NULL CONSTRAINT opt_out_channel_check CHECK (channel IN ('voice', 'sms', 'email')),
    reason      TEXT,
    source      TEXT        NOT NULL CONSTRAINT opt_out_source_check CHECK (source IN ('call', 'api', 'import', 'disposition')),
    contact_id  UUID        REFERENCES contact (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT opt_out_tenant_phone_channel_unique UNIQUE (tenant_id, phone, channel)
);
CREATE INDEX opt_out_tenant_created ON opt_out (tenant_id, created_at DESC, id DESC);
CREATE INDEX opt_out_contact ON opt_out (contact_id) WHERE contact_id IS NOT NULL;
SELECT switchboard_enable_tenant_rls('opt_out');

-- The tenant's internal list (internal = true, exactly one per tenant, created on first use, never deleted)
-- and named lists that campaigns attach.
CREATE TABLE dnc_list (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    name        TEXT        NOT NULL,
    description TEXT,
    internal    BOOLEAN     NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT dnc_list_tenant_name_unique UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX dnc_list_one_internal ON dnc_list (tenant_id) WHERE internal;
CREATE INDEX dnc_list_tenant_created ON dnc_list (tenant_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('dnc_list');

CREATE TABLE dnc_number (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    list_id     UUID        NOT NULL REFERENCES dnc_list (id) ON DELETE CASCADE,
    phone       TEXT        NOT NULL,
    reason      TEXT,
    source      TEXT        NOT NULL CONSTRAINT dnc_number_source_check CHECK (source IN ('call', 'api', 'import', 'disposition')),
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT dnc_number_list_phone_unique UNIQUE (list_id, phone)
);
CREATE INDEX dnc_number_list_created ON dnc_number (list_id, created_at DESC, id DESC);
-- the check endpoint: is this number on the internal list or any of these lists?
CREATE INDEX dnc_number_tenant_phone ON dnc_number (tenant_id, phone);
SELECT switchboard_enable_tenant_rls('dnc_number');
