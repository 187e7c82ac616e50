-- Row-level security for tenant tables: a second line of defence behind the WHERE tenant_id = ? that
-- every repository query already has. The pool sets app.tenant_id on each connection
-- (TenantConnectionInterceptor); no tenant set means no rows. FORCE makes it apply to the owner role
-- the services connect as (it is not a superuser, so it cannot bypass RLS).
CREATE FUNCTION switchboard_enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %s
                      USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
                      WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, tbl);
END;
$$;
