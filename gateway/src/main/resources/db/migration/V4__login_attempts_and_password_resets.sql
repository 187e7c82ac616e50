-- Every password login attempt, for throttling per email and per IP; old rows are deleted on a schedule.
CREATE TABLE login_attempts (
    id           uuid PRIMARY KEY,
    email        varchar(255) NOT NULL,
    ip           varchar(64)  NOT NULL,
    success      boolean      NOT NULL DEFAULT false,
    attempted_at timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX login_attempts_email_idx ON login_attempts (email, attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);
CREATE INDEX login_attempts_time_idx ON login_attempts (attempted_at);

-- Single-use, expiring password reset tokens, stored as SHA-256 hashes.
CREATE TABLE password_reset_tokens (
    id         uuid PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    token_hash varchar(64) NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);
