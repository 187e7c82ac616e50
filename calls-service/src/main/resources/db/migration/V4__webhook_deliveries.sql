-- Every webhook that reached a known connection, so a tenant can debug its provider setup: never the body, only
-- what became of it. Deliveries to unknown connection ids have no tenant: they are a metric and a log line only.
CREATE TABLE webhook_delivery (
    id             UUID        PRIMARY KEY,
    tenant_id      UUID        NOT NULL,
    connection_id  UUID        NOT NULL,
    provider       TEXT        NOT NULL,
    event_type     TEXT,
    result         TEXT        NOT NULL CHECK (result IN ('accepted', 'duplicate', 'ignored', 'rejected_signature',
                                                          'malformed', 'unknown_connection', 'failed')),
    detail         TEXT,
    call_id        UUID,
    processing_ms  INT         NOT NULL,
    http_status    INT         NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX webhook_delivery_tenant_received ON webhook_delivery (tenant_id, received_at DESC, id DESC);
CREATE INDEX webhook_delivery_tenant_connection ON webhook_delivery (tenant_id, connection_id, received_at DESC, id DESC);
-- the retention purge walks every tenant's old rows by time
CREATE INDEX webhook_delivery_received ON webhook_delivery (received_at);
SELECT switchboard_enable_tenant_rls('webhook_delivery');

DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_functions ON webhook_delivery TO %I USING (true) WITH CHECK (true)', current_user);
END;
$$;

-- Retention across tenants (DeliveryRetention): deletes at most max_rows entries received before the cut-off.
CREATE FUNCTION switchboard_purge_webhook_deliveries(cut_off TIMESTAMPTZ, max_rows INT) RETURNS INT
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    WITH gone AS (
        DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery WHERE received_at < cut_off LIMIT max_rows)
        RETURNING 1)
    SELECT count(*)::int FROM gone
$$;
