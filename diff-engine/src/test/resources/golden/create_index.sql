-- create index "profiles_user_id_idx" on "public"."profiles"
CREATE INDEX "profiles_user_id_idx" ON "public"."profiles" ("user_id");
