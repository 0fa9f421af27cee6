-- add column "public"."users"."expires_at"
ALTER TABLE "public"."users" ADD COLUMN "expires_at" timestamptz DEFAULT now() + interval '30 days';
