-- add value 'owner' to enum "public"."user_role"
ALTER TYPE "public"."user_role" ADD VALUE 'owner';
