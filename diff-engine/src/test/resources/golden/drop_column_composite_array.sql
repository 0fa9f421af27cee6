-- drop column "public"."users"."addresses"
ALTER TABLE "public"."users" DROP COLUMN "addresses";
