-- Stuck-call reconciliation (docs/call-model.md "Stuck calls"): a non-terminal call with no event for a while is
-- looked up at its provider or failed with reason no_final_event, by StuckCallReconciler.

-- when the reconciler last looked at the call without settling it (a failed provider lookup): a round tries
-- the least recently checked calls first, and each call at most once
ALTER TABLE call ADD COLUMN reconcile_checked_at TIMESTAMPTZ;

-- the sweep orders open calls by their last activity; a call created through the API has no event yet
DROP INDEX call_open_last_event;
CREATE INDEX call_open_activity ON call ((coalesce(last_event_at, created_at)))
    WHERE status IN ('queued', 'initiated', 'ringing', 'in_progress');

-- As for provider_connection (V3): the owner role lends its read of every tenant's calls only to the
-- SECURITY DEFINER function below, which returns ids and nothing else. The service's own role stays under RLS.
DO $$
BEGIN
    EXECUTE format('CREATE POLICY owner_functions ON call TO %I USING (true) WITH CHECK (true)', current_user);
END;
$$;

-- Open calls with no activity since stale_before and not checked since checked_before, least recently checked and
-- oldest first: the one cross-tenant read the reconciler needs before it acts as each call's tenant.
CREATE FUNCTION switchboard_stale_calls(stale_before TIMESTAMPTZ, checked_before TIMESTAMPTZ, max_rows INT)
    RETURNS TABLE (call_tenant UUID, stale_call UUID)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT tenant_id, id FROM call
    WHERE status IN ('queued', 'initiated', 'ringing', 'in_progress')
      AND coalesce(last_event_at, created_at) < stale_before
      AND (reconcile_checked_at IS NULL OR reconcile_checked_at < checked_before)
    ORDER BY reconcile_checked_at NULLS FIRST, coalesce(last_event_at, created_at)
    LIMIT max_rows
$$;
