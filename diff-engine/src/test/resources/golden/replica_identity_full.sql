-- set replica identity of "public"."bookings" to full
ALTER TABLE "public"."bookings" REPLICA IDENTITY FULL;
