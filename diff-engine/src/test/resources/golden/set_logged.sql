-- make table "public"."bookings" logged
ALTER TABLE "public"."bookings" SET LOGGED;
