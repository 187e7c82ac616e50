-- Gateway database. The identity issue adds tenants, users, roles, sessions, API keys and the credits
-- ledger here; this first version only carries the platform tables (db/platform, outbox + processed events).
SELECT 1;
