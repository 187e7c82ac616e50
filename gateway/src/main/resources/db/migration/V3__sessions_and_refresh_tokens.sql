-- A session is one login on one device; its refresh tokens form one rotation family (family_id = session id).
-- Presenting a refresh token that was already rotated away is reuse: the whole family is revoked.
CREATE TABLE sessions (
    id           uuid PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id    uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    -- why it ended: logout, reuse, deactivated, password-reset, revoked
    revoked_reason varchar(30),
    ip           varchar(64),
    user_agent   text
);

CREATE INDEX sessions_user_idx ON sessions (user_id, last_used_at DESC);

CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    family_id   uuid        NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id   uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- SHA-256 (hex) of the opaque token; the token itself is never stored
    token_hash  varchar(64) NOT NULL UNIQUE,
    replaced_by uuid REFERENCES refresh_tokens (id) ON DELETE SET NULL,
    revoked_at  timestamptz,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    ip          varchar(64),
    user_agent  text
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
