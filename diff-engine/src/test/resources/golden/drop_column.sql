-- drop column "public"."users"."past_roles"
ALTER TABLE "public"."users" DROP COLUMN "past_roles";
