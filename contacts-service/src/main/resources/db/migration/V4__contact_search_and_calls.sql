-- Contact search, sorting and the call -> contact link (issue 8, contacts core).
--
-- Row-level security decides which indexes a search can use: PostgreSQL evaluates the tenant policy before any
-- condition built from a function that is not LEAKPROOF, so such a condition never becomes an index condition.
-- LIKE (substring search, pg_trgm), lower() and array containment are not leakproof; =, <, > on text,
-- timestamptz and uuid are. Hence: the case-insensitive keys the API filters and sorts on are stored
-- (generated) columns compared with plain operators, each indexed behind tenant_id. Substring search ("q",
-- "company") and tags read the tenant's rows through its (tenant_id, ...) index and filter them: a trigram index
-- (pg_trgm ships with our PostgreSQL 17 builds) would be ignored under RLS and only slow down imports.

ALTER TABLE contact
    ADD COLUMN email_key     TEXT GENERATED ALWAYS AS (lower(email)) STORED,
    ADD COLUMN last_name_key TEXT GENERATED ALWAYS AS (lower(coalesce(last_name, ''))) STORED,
    -- never contacted sorts as contacted at the epoch (COALESCE in a condition counts as leaky too)
    ADD COLUMN last_contact_key TIMESTAMPTZ GENERATED ALWAYS AS (coalesce(last_contact_at, timestamptz '1970-01-01 00:00:00+00')) STORED;

CREATE INDEX contact_tenant_email ON contact (tenant_id, email_key);
-- the orders of ContactSort besides created_at (V1's contact_tenant_created)
CREATE INDEX contact_tenant_updated ON contact (tenant_id, updated_at, id);
CREATE INDEX contact_tenant_last_name ON contact (tenant_id, last_name_key, id);
CREATE INDEX contact_tenant_last_contact ON contact (tenant_id, last_contact_key, id);

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
