-- 0000_initial_schema (down), written by hand for the migrator tests

DROP TABLE "public"."applications", "public"."profiles", "public"."invitations", "public"."users";

DROP TYPE "public"."account_status", "public"."application_status", "public"."auth_method", "public"."availability_status",
    "public"."learning_track", "public"."profile_visibility", "public"."user_role";
