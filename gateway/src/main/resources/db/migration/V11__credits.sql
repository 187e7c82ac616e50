-- Credits: one balance per tenant and an append-only ledger explaining every change to it.
-- Types follow the seed schema (users.credits integer >= 0; credit_transactions amount/balance_after integer).

CREATE TABLE credit_balance (
    tenant_id  UUID        PRIMARY KEY,
    balance    INTEGER     NOT NULL DEFAULT 0 CONSTRAINT credit_balance_never_negative CHECK (balance >= 0),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Append-only: rows are only ever INSERTed (a correction is a new 'adjustment' row). The owner role cannot be
-- denied UPDATE/DELETE by REVOKE, so a trigger (switchboard_append_only, V10) rejects them instead.
CREATE TABLE credit_transactions (
    id            UUID        PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    user_id       UUID,                      -- who caused it (the admin for grants); null for usage
    type          VARCHAR(20) NOT NULL CONSTRAINT credit_transactions_type
                      CHECK (type IN ('purchase', 'usage', 'refund', 'adjustment')),
    amount        INTEGER     NOT NULL,      -- signed: > 0 adds, < 0 debits (usage: what was actually taken)
    balance_after INTEGER     NOT NULL CHECK (balance_after >= 0),
    call_id       UUID,
    description   TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT credit_transactions_usage_is_a_call_debit CHECK (type <> 'usage' OR (call_id IS NOT NULL AND amount <= 0)),
    CONSTRAINT credit_transactions_grants_add CHECK (type = 'usage' OR amount > 0)
);
-- a call is debited at most once, whatever events arrive for it
CREATE UNIQUE INDEX credit_transactions_one_usage_per_call ON credit_transactions (tenant_id, call_id) WHERE type = 'usage';
CREATE INDEX credit_transactions_tenant_created ON credit_transactions (tenant_id, created_at DESC, id);
CREATE TRIGGER credit_transactions_append_only BEFORE UPDATE OR DELETE ON credit_transactions
    FOR EACH ROW EXECUTE FUNCTION switchboard_append_only();

-- tenant tables: row-level security (db/platform V0_2) as the second line behind WHERE tenant_id
SELECT switchboard_enable_tenant_rls('credit_balance');
SELECT switchboard_enable_tenant_rls('credit_transactions');
