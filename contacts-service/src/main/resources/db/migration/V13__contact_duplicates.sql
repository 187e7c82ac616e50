-- Import policy keep_both: a second contact with a phone that already has one, marked as a possible duplicate of it.
-- duplicate_of points at the PRIMARY contact of the phone (always a primary: duplicates are never chained).
-- Exactly one primary (duplicate_of IS NULL) per (tenant, phone): the old unique constraint becomes a partial unique
-- index with the same name, so a lost insert race still surfaces as contact_tenant_phone_unique (409).
-- When a primary goes away (deleted, merged away, undone import, phone changed), the service first re-points its other
-- duplicates to an heir (the oldest duplicate, or the merge survivor when it is one); ON DELETE SET NULL then makes the
-- heir the primary.
ALTER TABLE contact ADD COLUMN duplicate_of UUID REFERENCES contact (id) ON DELETE SET NULL;
ALTER TABLE contact DROP CONSTRAINT contact_tenant_phone_unique;
CREATE UNIQUE INDEX contact_tenant_phone_unique ON contact (tenant_id, phone) WHERE duplicate_of IS NULL;
-- every contact of a phone (search by phone returns primary and duplicates) and a primary's duplicates
CREATE INDEX contact_tenant_phone ON contact (tenant_id, phone);
CREATE INDEX contact_duplicate_of ON contact (duplicate_of) WHERE duplicate_of IS NOT NULL;

ALTER TABLE contact_import DROP CONSTRAINT contact_import_policy_check;
ALTER TABLE contact_import ADD CONSTRAINT contact_import_policy_check
    CHECK (duplicate_policy IN ('skip', 'update', 'keep_both'));
