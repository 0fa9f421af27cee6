-- add foreign key "profiles_membership_fkey" on "public"."profiles"
ALTER TABLE "public"."profiles" ADD CONSTRAINT "profiles_membership_fkey" FOREIGN KEY ("org_id", "member_id") REFERENCES "auth"."memberships" ("org_id", "user_id") ON DELETE SET NULL ON UPDATE CASCADE;
