-- drop composite type "public"."postal_address"
DROP TYPE "public"."postal_address";
