-- KPIs built from events. One row per tenant and UTC day; later migrations add agent, lead and campaign KPIs.
CREATE TABLE tenant_daily_analytics (
    tenant_id               UUID        NOT NULL,
    day                     DATE        NOT NULL,
    calls_created           BIGINT      NOT NULL DEFAULT 0,
    calls_completed         BIGINT      NOT NULL DEFAULT 0,
    total_duration_seconds  BIGINT      NOT NULL DEFAULT 0,
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, day)
);
