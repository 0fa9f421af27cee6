-- alter column "auth"."memberships"."roles": type "public"."user_role"[] -> "public"."account_status"[], set default
ALTER TABLE "auth"."memberships"
    ALTER COLUMN "roles" DROP DEFAULT,
    ALTER COLUMN "roles" TYPE "public"."account_status"[] USING "roles"::text[]::"public"."account_status"[],
    ALTER COLUMN "roles" SET DEFAULT '{active}';
