-- create index "users_nickname_hash_idx" on "public"."users"
CREATE INDEX "users_nickname_hash_idx" ON "public"."users" USING hash ("nickname") WHERE (nickname <> '');
