-- Failure log: one row per 4xx/5xx response of the gateway (own endpoints and proxied ones). Never bodies,
-- headers or query strings, so no passwords, tokens or API keys. Operations data, not a tenant table (no
-- row-level security): rows are written off the request path, often before a tenant is known.
CREATE TABLE failure_log (
    id          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    method      VARCHAR(16)  NOT NULL,
    endpoint    VARCHAR(512) NOT NULL,   -- the path without query string
    status      SMALLINT     NOT NULL,
    duration_ms INTEGER      NOT NULL,
    request_id  VARCHAR(128),
    user_id     UUID,
    tenant_id   UUID,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX failure_log_created ON failure_log (created_at);
CREATE INDEX failure_log_tenant ON failure_log (tenant_id, created_at DESC) WHERE tenant_id IS NOT NULL;
CREATE INDEX failure_log_request ON failure_log (request_id);
