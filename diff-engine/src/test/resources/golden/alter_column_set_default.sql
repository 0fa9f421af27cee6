-- alter column "public"."users"."score": set default
ALTER TABLE "public"."users" ALTER COLUMN "score" SET DEFAULT 10;
