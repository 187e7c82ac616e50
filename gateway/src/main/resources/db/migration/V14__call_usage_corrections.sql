-- Issue 12: a completed call's duration can change after call.completed (call.usage_changed). The gateway keeps
-- what it billed each call for and debits (or refunds) the difference; see docs/credits.md "Late duration".

-- What each completed call was billed for: the duration and the credits due for it (at the rate of the time).
-- Consumers apply the difference to the stored figure, so an event applied twice changes nothing.
CREATE TABLE call_charge (
    tenant_id        UUID        NOT NULL,
    call_id          UUID        NOT NULL,
    duration_seconds BIGINT      NOT NULL CHECK (duration_seconds >= 0),
    credits_due      INTEGER     NOT NULL CHECK (credits_due >= 0),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, call_id)
);
SELECT switchboard_enable_tenant_rls('call_charge');

-- a correction of a call's usage: signed (< 0 debits more, > 0 gives back), always about one call
ALTER TABLE credit_transactions DROP CONSTRAINT credit_transactions_type;
ALTER TABLE credit_transactions ADD CONSTRAINT credit_transactions_type
    CHECK (type IN ('purchase', 'usage', 'refund', 'adjustment', 'usage_correction'));
ALTER TABLE credit_transactions DROP CONSTRAINT credit_transactions_grants_add;
ALTER TABLE credit_transactions ADD CONSTRAINT credit_transactions_grants_add
    CHECK (type IN ('usage', 'usage_correction') OR amount > 0);
ALTER TABLE credit_transactions ADD CONSTRAINT credit_transactions_correction_is_about_a_call
    CHECK (type <> 'usage_correction' OR call_id IS NOT NULL);
