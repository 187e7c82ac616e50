-- A tenant's account at a voice provider: what its webhooks are verified with and what outbound calls use.
-- Secrets are AES-GCM ciphertexts "<key id>:<base64(nonce | ciphertext | tag)>" (SecretCipher), never plain text.
CREATE TABLE provider_connection (
    id                UUID        PRIMARY KEY,
    tenant_id         UUID        NOT NULL,
    provider          TEXT        NOT NULL CHECK (provider IN ('twilio', 'vapi', 'retell', 'elevenlabs', 'bolna')),
    name              TEXT        NOT NULL,
    webhook_secret    TEXT,
    api_key           TEXT,
    account_sid       TEXT,
    allowed_ips       JSONB       NOT NULL DEFAULT '[]',
    api_base_url      TEXT,
    enabled           BOOLEAN     NOT NULL DEFAULT true,
    secret_rotated_at TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    -- only Bolna may rely on its source-IP allow-list alone
    CHECK (webhook_secret IS NOT NULL OR provider = 'bolna')
);
CREATE INDEX provider_connection_tenant_created ON provider_connection (tenant_id, created_at DESC, id DESC);
SELECT switchboard_enable_tenant_rls('provider_connection');

-- A webhook names only a connection id; its tenant is unknown until the row is found, and the row is behind
-- row-level security. The owner role (the one migrating, never the one the service connects as) may read every
-- row, and lends that right only to the SECURITY DEFINER functions below, which return ids and nothing else.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_functions ON provider_connection TO %I USING (true) WITH CHECK (true)', current_user);
END;
$$;

-- The tenant owning a connection, or NULL: the one cross-tenant read a webhook needs before it can act as that tenant.
CREATE FUNCTION switchboard_connection_tenant(connection_id UUID) RETURNS UUID
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT tenant_id FROM provider_connection WHERE id = connection_id
$$;

-- Connections holding a secret encrypted under another key than the current one (SecretRekeyJob re-encrypts them).
CREATE FUNCTION switchboard_connections_to_rekey(current_key TEXT, max_rows INT)
    RETURNS TABLE (connection_id UUID, connection_tenant UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT id, tenant_id FROM provider_connection
    WHERE (webhook_secret IS NOT NULL AND split_part(webhook_secret, ':', 1) <> current_key)
       OR (api_key IS NOT NULL AND split_part(api_key, ':', 1) <> current_key)
    LIMIT max_rows
$$;
