-- comment on index "users_role_recent_idx" on "public"."users"
COMMENT ON INDEX "public"."users_role_recent_idx" IS 'Newest members by role';
