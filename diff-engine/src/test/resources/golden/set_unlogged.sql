-- make table "public"."bookings" unlogged
ALTER TABLE "public"."bookings" SET UNLOGGED;
