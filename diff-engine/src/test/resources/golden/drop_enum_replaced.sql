-- drop enum "public"."user_role__old"
DROP TYPE "public"."user_role__old";
