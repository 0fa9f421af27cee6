-- drop table "public"."bookings"
DROP TABLE "public"."bookings";
