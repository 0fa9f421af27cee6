-- drop table "public"."notes"
DROP TABLE "public"."notes";
