-- Contact search, sorting and the call -> contact link (issue 8, contacts core).

-- Trigram indexes make the case-insensitive substring search ("q", "company") an index scan. pg_trgm is a
-- trusted extension: the database owner that runs the migrations may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The one definition of what "q" searches: name, phone, e-mail and company, lower-cased. Generated, so rows
-- written by batched SQL (imports) are searchable too without repeating the rule.
ALTER TABLE contact ADD COLUMN search_text TEXT GENERATED ALWAYS AS (lower(
        coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || phone || ' '
        || coalesce(email, '') || ' ' || coalesce(company, ''))) STORED;
CREATE INDEX contact_search_trgm ON contact USING GIN (search_text gin_trgm_ops);
CREATE INDEX contact_company_trgm ON contact USING GIN (lower(company) gin_trgm_ops);
CREATE INDEX contact_tenant_email ON contact (tenant_id, lower(email));

-- Sort orders other than created_at; the expressions are exactly those of ContactSort (nulls sort as '' / epoch).
CREATE INDEX contact_tenant_updated ON contact (tenant_id, updated_at, id);
CREATE INDEX contact_tenant_last_name ON contact (tenant_id, (lower(coalesce(last_name, ''))), id);
CREATE INDEX contact_tenant_last_contact ON contact (tenant_id, (coalesce(last_contact_at, timestamptz '1970-01-01 00:00:00+00')), id);

-- Which contact a call belongs to, remembered at call.created so call.completed (which may carry no contact
-- id) can update that contact's counters. Follows the contact through a merge (FK), gone with it on delete.
CREATE TABLE contact_call (
    tenant_id   UUID        NOT NULL,
    call_id     UUID        NOT NULL,
    contact_id  UUID        NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, call_id)
);
CREATE INDEX contact_call_contact ON contact_call (contact_id);
SELECT switchboard_enable_tenant_rls('contact_call');
