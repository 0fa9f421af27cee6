-- alter column "public"."orders"."ref": drop not null, drop identity
ALTER TABLE "public"."orders" ALTER COLUMN "ref" DROP IDENTITY;
ALTER TABLE "public"."orders" ALTER COLUMN "ref" DROP NOT NULL;
