-- alter column "public"."orders"."created_at": type bigint -> timestamptz, using to_timestamp(created_at)
ALTER TABLE "public"."orders" ALTER COLUMN "created_at" TYPE timestamptz USING (to_timestamp(created_at));
