-- add column "public"."users"."backup_email"
ALTER TABLE "public"."users" ADD COLUMN "backup_email" "public"."email_address";
