-- drop foreign key "profiles_membership_fkey" on "public"."profiles"
ALTER TABLE "public"."profiles" DROP CONSTRAINT "profiles_membership_fkey";
