-- alter column "public"."orders"."legacy": type integer -> bigserial, to bigserial, drop identity
ALTER TABLE "public"."orders" ALTER COLUMN "legacy" DROP IDENTITY;
CREATE SEQUENCE "public"."orders_legacy_seq" AS bigint OWNED BY "public"."orders"."legacy";
ALTER TABLE "public"."orders"
    ALTER COLUMN "legacy" TYPE bigint,
    ALTER COLUMN "legacy" SET DEFAULT nextval('"public"."orders_legacy_seq"'::regclass);
SELECT setval(pg_get_serial_sequence('"public"."orders"', 'legacy'), GREATEST(max("legacy") + 1, 1), false) FROM "public"."orders";
