-- drop enum "public"."account_status"
DROP TYPE "public"."account_status";
