-- Customers: contacts converted into paying accounts. One customer per contact (the domain's rule, hence
-- the unique contact_id; merging two customers' contacts must delete one of them first). The risk profile
-- (1:1, always present) lives in the same row.
CREATE TABLE customer (
    id                     UUID          PRIMARY KEY,
    tenant_id              UUID          NOT NULL,
    contact_id             UUID          NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
    customer_reference     TEXT          NOT NULL,   -- CUS-000042, from customer_reference_counter
    company                TEXT,
    industry               TEXT,
    deal_value             NUMERIC(14, 2),
    deal_currency          TEXT                      -- ISO 4217
        CONSTRAINT customer_deal_currency_check CHECK (deal_currency ~ '^[A-Z]{3}$'),
    deal_closed_date       DATE,
    contract_start_date    DATE,
    contract_end_date      DATE,
    payment_terms          TEXT,
    account_manager        TEXT,
    notes                  TEXT,
    risk_level             TEXT          NOT NULL DEFAULT 'low'
        CONSTRAINT customer_risk_level_check CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
    risk_score             INTEGER       NOT NULL DEFAULT 0
        CONSTRAINT customer_risk_score_check CHECK (risk_score BETWEEN 0 AND 100),
    do_not_contact         BOOLEAN       NOT NULL DEFAULT false,
    do_not_contact_reason  TEXT,
    profile_updated_at     TIMESTAMPTZ   NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL,
    CONSTRAINT customer_contact_unique UNIQUE (contact_id),
    CONSTRAINT customer_reference_unique UNIQUE (tenant_id, customer_reference),
    CONSTRAINT customer_deal_value_check CHECK (deal_value IS NULL OR deal_value >= 0),
    CONSTRAINT customer_contract_dates_check CHECK (contract_end_date IS NULL OR contract_start_date IS NULL
        OR contract_end_date >= contract_start_date)
);
CREATE INDEX customer_tenant_created ON customer (tenant_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('customer');

-- The last customer number handed out per tenant. Incremented with one upsert, so concurrent conversions
-- serialize on the tenant's row and never get the same number; a rolled-back conversion leaves a gap.
CREATE TABLE customer_reference_counter (
    tenant_id   UUID   PRIMARY KEY,
    last_value  BIGINT NOT NULL
);
SELECT switchboard_enable_tenant_rls('customer_reference_counter');
