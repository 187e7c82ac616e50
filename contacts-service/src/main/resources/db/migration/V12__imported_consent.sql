-- Consent records an import created from its consent columns (importer): undo removes exactly these.
ALTER TABLE consent ADD COLUMN source_import_id UUID;
CREATE INDEX consent_source_import ON consent (tenant_id, source_import_id) WHERE source_import_id IS NOT NULL;
