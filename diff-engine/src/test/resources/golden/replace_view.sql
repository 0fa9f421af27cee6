-- replace view "public"."credits"
CREATE OR REPLACE VIEW "public"."credits" ("entry_id", "amount", "memo") WITH (security_barrier = true) AS
SELECT id, amount, memo FROM public.ledger WHERE amount > 0
WITH LOCAL CHECK OPTION;
