-- drop column "public"."users"."backup_email"
ALTER TABLE "public"."users" DROP COLUMN "backup_email";
