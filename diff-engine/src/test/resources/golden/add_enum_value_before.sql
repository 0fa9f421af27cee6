-- add value 'guest' to enum "public"."user_role"
ALTER TYPE "public"."user_role" ADD VALUE 'guest' BEFORE 'applicant';
