SELECT switchboard_enable_tenant_rls('tenant_daily_analytics');
