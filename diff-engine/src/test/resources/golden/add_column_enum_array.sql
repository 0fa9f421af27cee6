-- add column "public"."users"."past_roles"
ALTER TABLE "public"."users" ADD COLUMN "past_roles" "public"."user_role"[];
