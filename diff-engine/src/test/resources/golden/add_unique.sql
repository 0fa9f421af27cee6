-- add unique constraint "users_nickname_key" on "public"."users"
ALTER TABLE "public"."users" ADD CONSTRAINT "users_nickname_key" UNIQUE ("nickname");
