-- drop table "public"."rooms"
DROP TABLE "public"."rooms";
