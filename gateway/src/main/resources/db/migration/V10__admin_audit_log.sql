-- Admin audit log: every cross-tenant action of a super_admin (and whatever other admin action the gateway
-- audits). Append-only: the application only ever INSERTs (the trigger turns an UPDATE/DELETE into an error;
-- the owner role could drop it, so "append-only" is a rule of the code, enforced here against accidents).
-- Not a tenant table (no row-level security): super_admins read it across tenants.
CREATE TABLE admin_audit_log (
    id               UUID         PRIMARY KEY,
    actor_user_id    UUID         NOT NULL,
    actor_tenant_id  UUID,
    target_tenant_id UUID,
    action           VARCHAR(100) NOT NULL,
    resource         VARCHAR(255) NOT NULL,
    details          JSONB        NOT NULL DEFAULT '{}',
    ip               INET,
    user_agent       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_log_created ON admin_audit_log (created_at DESC, id);
CREATE INDEX admin_audit_log_target ON admin_audit_log (target_tenant_id, created_at DESC);
CREATE INDEX admin_audit_log_action ON admin_audit_log (action, created_at DESC);

CREATE FUNCTION switchboard_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER admin_audit_log_append_only BEFORE UPDATE OR DELETE ON admin_audit_log
    FOR EACH ROW EXECUTE FUNCTION switchboard_append_only();
