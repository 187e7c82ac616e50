-- API keys for server-to-server clients: sb_<prefix>_<secret>. Only the prefix (to recognise a key in lists)
-- and the SHA-256 of the whole key are stored; the key is shown once, at creation.
CREATE TABLE api_keys (
    id                    uuid PRIMARY KEY,
    tenant_id             uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                  varchar(255) NOT NULL,
    prefix                varchar(16)  NOT NULL UNIQUE,
    key_hash              varchar(64)  NOT NULL UNIQUE,
    scopes                text[]       NOT NULL,
    -- null: the gateway's configured default per key applies
    rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
    expires_at            timestamptz,
    last_used_at          timestamptz,
    revoked_at            timestamptz,
    created_by            uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at            timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at);
