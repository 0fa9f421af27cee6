-- create unique index "users_email_lower_key" on "public"."users"
CREATE UNIQUE INDEX "users_email_lower_key" ON "public"."users" ((lower(email)));
