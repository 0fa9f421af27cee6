-- add column "public"."profiles"."search"
ALTER TABLE "public"."profiles" ADD COLUMN "search" tsvector;
