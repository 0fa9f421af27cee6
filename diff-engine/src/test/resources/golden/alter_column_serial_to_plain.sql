-- alter column "public"."orders"."legacy": drop not null, from bigserial
ALTER TABLE "public"."orders" ALTER COLUMN "legacy" DROP DEFAULT;
DO $$ BEGIN EXECUTE 'DROP SEQUENCE ' || pg_get_serial_sequence('"public"."orders"', 'legacy'); END $$;
ALTER TABLE "public"."orders" ALTER COLUMN "legacy" DROP NOT NULL;
