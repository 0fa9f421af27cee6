-- create index "users_tags_idx" on "public"."users"
CREATE INDEX "users_tags_idx" ON "public"."users" USING gin ("tags");
