-- comment on materialized view "public"."ledger_totals"
COMMENT ON MATERIALIZED VIEW "public"."ledger_totals" IS 'per memo';
