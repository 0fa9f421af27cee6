-- add column "public"."orders"."created_at"
ALTER TABLE "public"."orders" ADD COLUMN "created_at" bigint;
