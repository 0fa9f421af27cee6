-- alter column "public"."profiles"."seq": type serial -> bigserial
ALTER TABLE "public"."profiles" ALTER COLUMN "seq" TYPE bigint;
DO $$ BEGIN EXECUTE 'ALTER SEQUENCE ' || pg_get_serial_sequence('"public"."profiles"', 'seq') || ' AS bigint'; END $$;
