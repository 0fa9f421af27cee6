-- rename index "users_role_created_idx" on "public"."users" to "users_role_recent_idx"
ALTER INDEX "public"."users_role_created_idx" RENAME TO "users_role_recent_idx";
