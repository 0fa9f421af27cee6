-- create index "users_role_created_idx" on "public"."users"
CREATE INDEX "users_role_created_idx" ON "public"."users" ("role", "created_at" DESC) WHERE (score > 0 and active);
