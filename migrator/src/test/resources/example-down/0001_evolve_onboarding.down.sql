-- 0001_evolve_onboarding (down), written by hand for the migrator tests

DROP INDEX "public"."profiles_onboarding_step_idx";

ALTER TABLE "public"."profiles" DROP COLUMN "onboarding_step";

ALTER TABLE "public"."users" RENAME COLUMN "preferred_name" TO "display_name";

-- an enum value cannot be dropped: recreate the type without 'waitlisted'
DROP INDEX "public"."applications_one_open_per_applicant_key";
DROP INDEX "public"."applications_review_queue_idx";
DROP INDEX "public"."applications_score_idx";
ALTER TABLE "public"."applications" DROP CONSTRAINT "applications_submitted_unless_draft";
ALTER TABLE "public"."applications" DROP CONSTRAINT "applications_withdrawn_has_reason";
ALTER TABLE "public"."applications" ALTER COLUMN "status" DROP DEFAULT;
ALTER TYPE "public"."application_status" RENAME TO "application_status_old";
CREATE TYPE "public"."application_status" AS ENUM ('draft', 'submitted', 'under_review', 'interview', 'accepted', 'rejected', 'withdrawn');
ALTER TABLE "public"."applications" ALTER COLUMN "status" TYPE "public"."application_status" USING "status"::text::"public"."application_status";
ALTER TABLE "public"."applications" ALTER COLUMN "status" SET DEFAULT 'draft';
DROP TYPE "public"."application_status_old";
ALTER TABLE "public"."applications" ADD CONSTRAINT "applications_submitted_unless_draft" CHECK (status = 'draft' or submitted_at is not null);
ALTER TABLE "public"."applications" ADD CONSTRAINT "applications_withdrawn_has_reason" CHECK (status <> 'withdrawn' or withdrawn_reason is not null);
CREATE UNIQUE INDEX "applications_one_open_per_applicant_key" ON "public"."applications" ("applicant_id") WHERE (status not in ('accepted', 'rejected', 'withdrawn'));
CREATE INDEX "applications_review_queue_idx" ON "public"."applications" ("submitted_at") WHERE (status in ('submitted', 'under_review'));
CREATE INDEX "applications_score_idx" ON "public"."applications" ("score" DESC NULLS LAST, "submitted_at") WHERE (status = 'under_review');
