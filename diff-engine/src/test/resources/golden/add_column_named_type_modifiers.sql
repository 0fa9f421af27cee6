-- add column "public"."profiles"."flags"
ALTER TABLE "public"."profiles" ADD COLUMN "flags" bit varying(8) DEFAULT '101' NOT NULL;
