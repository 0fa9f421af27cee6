-- add column "public"."profiles"."spots"
ALTER TABLE "public"."profiles" ADD COLUMN "spots" point[];
