-- add column "public"."users"."addresses"
ALTER TABLE "public"."users" ADD COLUMN "addresses" "public"."postal_address"[];
