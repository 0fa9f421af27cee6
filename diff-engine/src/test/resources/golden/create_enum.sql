-- create enum "public"."user_role"
CREATE TYPE "public"."user_role" AS ENUM ('applicant', 'member', 'admin');
