-- set replica identity of "public"."bookings" to nothing
ALTER TABLE "public"."bookings" REPLICA IDENTITY NOTHING;
