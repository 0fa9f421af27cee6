-- create index "profiles_followers_idx" on "public"."profiles"
CREATE INDEX "profiles_followers_idx" ON "public"."profiles" ("followers" DESC NULLS LAST, "rank" NULLS FIRST, (coalesce(handle, bio)) DESC);
