-- set options of materialized view "public"."ledger_totals"
ALTER MATERIALIZED VIEW "public"."ledger_totals" SET (autovacuum_enabled = false), RESET (fillfactor);
