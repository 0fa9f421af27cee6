-- drop index "users_tags_idx" on "public"."users"
DROP INDEX "public"."users_tags_idx";
