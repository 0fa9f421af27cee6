-- add column "public"."orders"."label"
ALTER TABLE "public"."orders" ADD COLUMN "label" varchar COLLATE "POSIX";
