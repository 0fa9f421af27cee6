-- make foreign key "bookings_room_code_fkey" on "public"."bookings" not deferrable
ALTER TABLE "public"."bookings" ALTER CONSTRAINT "bookings_room_code_fkey" NOT DEFERRABLE;
