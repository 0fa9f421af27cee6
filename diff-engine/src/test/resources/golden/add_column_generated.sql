-- add column "public"."orders"."double_price"
ALTER TABLE "public"."orders" ADD COLUMN "double_price" integer GENERATED ALWAYS AS (price * 2) STORED;
