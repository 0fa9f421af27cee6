-- drop table "public"."events"
DROP TABLE "public"."events";
