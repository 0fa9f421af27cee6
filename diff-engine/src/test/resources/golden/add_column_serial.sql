-- add column "public"."orders"."legacy"
ALTER TABLE "public"."orders" ADD COLUMN "legacy" serial NOT NULL;
