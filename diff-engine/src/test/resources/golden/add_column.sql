-- add column "public"."users"."timezone"
ALTER TABLE "public"."users" ADD COLUMN "timezone" text DEFAULT 'UTC' NOT NULL;
