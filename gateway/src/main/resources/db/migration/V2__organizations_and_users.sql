-- Tenants (organizations) and their users. A user belongs to exactly one organization; emails are unique
-- across the platform (stored lower-case) because login is by email alone.
CREATE TABLE organizations (
    id                    uuid PRIMARY KEY,
    slug                  varchar(63)  NOT NULL UNIQUE,
    name                  varchar(255) NOT NULL,
    time_zone             varchar(64)  NOT NULL,
    status                varchar(20)  NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    -- null: the gateway's configured default applies
    rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email          varchar(255) NOT NULL UNIQUE CHECK (email = lower(email)),
    name           varchar(255) NOT NULL,
    password_hash  varchar(255),
    role           varchar(20)  NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin', 'super_admin')),
    active         boolean      NOT NULL DEFAULT true,
    email_verified boolean      NOT NULL DEFAULT false,
    auth_provider  varchar(50)  NOT NULL DEFAULT 'email',
    company        varchar(255),
    phone          varchar(50),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    last_login_at  timestamptz
);

CREATE INDEX users_tenant_idx ON users (tenant_id, created_at);
CREATE INDEX users_active_idx ON users (tenant_id) WHERE active;
