-- alter column "public"."orders"."ref": set not null, add identity
ALTER TABLE "public"."orders" ALTER COLUMN "ref" SET NOT NULL;
ALTER TABLE "public"."orders" ALTER COLUMN "ref" ADD GENERATED ALWAYS AS IDENTITY (START WITH 10);
SELECT setval(pg_get_serial_sequence('"public"."orders"', 'ref'), GREATEST(max("ref") + 1, 10), false) FROM "public"."orders";
