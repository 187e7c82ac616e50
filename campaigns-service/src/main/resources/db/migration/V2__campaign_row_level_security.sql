SELECT switchboard_enable_tenant_rls('campaign');
