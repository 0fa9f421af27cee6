-- replace enum "public"."user_role" (values removed or reordered)
ALTER TYPE "public"."user_role" RENAME TO "user_role__old";
CREATE TYPE "public"."user_role" AS ENUM ('admin', 'member', 'applicant');
DROP INDEX "public"."users_role_recent_idx";
ALTER TABLE "public"."users"
    ALTER COLUMN "role" DROP DEFAULT,
    ALTER COLUMN "role" TYPE "public"."user_role" USING "role"::text::"public"."user_role",
    ALTER COLUMN "role" SET DEFAULT 'applicant';
CREATE INDEX "users_role_recent_idx" ON "public"."users" ("role", "created_at" DESC) WHERE (score > 0 and active);
