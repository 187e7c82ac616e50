-- Platform tables every service database carries (Flyway location db/platform, versions 0.x sort first).

-- Transactional outbox: written in the same transaction as the state change; OutboxRelay publishes and marks.
CREATE TABLE outbox_event (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- publication order
    id             UUID        NOT NULL UNIQUE,                        -- CloudEvent id
    tenant_id      UUID        NOT NULL,
    topic          TEXT        NOT NULL,
    event_key      TEXT        NOT NULL,                               -- Kafka key = aggregate id
    event_type     TEXT        NOT NULL,
    cloud_event    TEXT        NOT NULL,                               -- exact bytes published (structured JSON)
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ,
    attempts       INTEGER     NOT NULL DEFAULT 0,
    last_error     TEXT
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Idempotent consumers: one row per (consumer, event) written in the effect's transaction.
CREATE TABLE processed_event (
    consumer       TEXT        NOT NULL,
    event_id       UUID        NOT NULL,
    tenant_id      UUID        NOT NULL,
    event_type     TEXT        NOT NULL,
    processed_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
