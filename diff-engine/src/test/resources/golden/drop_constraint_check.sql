-- drop check constraint "users_email_shape" on "public"."users"
ALTER TABLE "public"."users" DROP CONSTRAINT "users_email_shape";
