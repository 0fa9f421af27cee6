-- create materialized view "public"."ledger_totals"
CREATE MATERIALIZED VIEW "public"."ledger_totals" WITH (fillfactor = 80) AS
SELECT memo, sum(amount) AS total
FROM public.ledger
GROUP BY memo
WITH NO DATA;
