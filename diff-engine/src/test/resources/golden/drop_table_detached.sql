-- drop table "public"."events_archive"
DROP TABLE "public"."events_archive";
