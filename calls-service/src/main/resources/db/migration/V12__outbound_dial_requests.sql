-- Outbound calls placed for campaigns-service's dial requests (issue 11, docs/outbound.md).
-- dial_request_id is the request's idempotency key (<queue item>:<attempt>). The unique index is the guard that a
-- redelivered or reclaimed request never causes a second live call: the call row is inserted, ON CONFLICT DO NOTHING,
-- before the provider is asked, so only the delivery that inserted it ever dials.
ALTER TABLE call ADD COLUMN dial_request_id TEXT CHECK (length(dial_request_id) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX call_dial_request ON call (tenant_id, dial_request_id) WHERE dial_request_id IS NOT NULL;
