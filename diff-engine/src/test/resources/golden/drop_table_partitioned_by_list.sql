-- drop table "public"."tags"
DROP TABLE "public"."tags";
