-- comment on type "public"."user_role"
COMMENT ON TYPE "public"."user_role" IS 'Roles, in order of trust';
