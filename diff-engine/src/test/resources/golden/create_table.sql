-- create table "public"."users"
CREATE TABLE "public"."users" (
    "id" uuid DEFAULT gen_random_uuid() NOT NULL,
    "email" varchar(255) NOT NULL,
    "role" "public"."user_role" DEFAULT 'applicant' NOT NULL,
    "tags" text[] DEFAULT '{}' NOT NULL,
    "score" integer DEFAULT 0,
    "active" boolean DEFAULT true,
    "nickname" varchar(50),
    "invited_by" uuid,
    "created_at" timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_email_key" UNIQUE ("email"),
    CONSTRAINT "users_email_shape" CHECK (position('@' in email) > 1),
    CONSTRAINT "users_score_positive" CHECK (score >= 0)
);
