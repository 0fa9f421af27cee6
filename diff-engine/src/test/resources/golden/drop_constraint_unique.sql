-- drop unique constraint "users_nickname_key" on "public"."users"
ALTER TABLE "public"."users" DROP CONSTRAINT "users_nickname_key";
