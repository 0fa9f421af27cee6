-- create view "public"."credits"
CREATE VIEW "public"."credits" ("entry_id", "amount") WITH (security_barrier = true) AS
SELECT id, amount FROM public.ledger WHERE amount > 0
WITH LOCAL CHECK OPTION;
