-- Parking: a row the broker keeps rejecting (too large, invalid) would otherwise stop every later event, because the
-- relay publishes strictly in seq order. After switchboard.outbox.max-attempts rejections the relay sets parked_at
-- and skips the row from then on. Un-park with: UPDATE outbox_event SET parked_at = NULL, attempts = 0 WHERE seq = ...
-- (README "How events flow"). attempts now counts only rejections of the row itself, not broker outages.
ALTER TABLE outbox_event ADD COLUMN parked_at TIMESTAMPTZ;

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL AND parked_at IS NULL;
DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_parked ON outbox_event (seq) WHERE parked_at IS NOT NULL;
