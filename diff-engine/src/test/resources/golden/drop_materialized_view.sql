-- drop materialized view "public"."ledger_totals"
DROP MATERIALIZED VIEW "public"."ledger_totals";
