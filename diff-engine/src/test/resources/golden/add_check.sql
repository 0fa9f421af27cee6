-- add check constraint "profiles_rank_check" on "public"."profiles"
ALTER TABLE "public"."profiles" ADD CONSTRAINT "profiles_rank_check" CHECK (rank between 0 and 100);
