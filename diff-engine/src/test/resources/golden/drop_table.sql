-- drop table "public"."profiles"
DROP TABLE "public"."profiles";
