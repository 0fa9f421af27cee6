-- make foreign key "bookings_room_code_fkey" on "public"."bookings" deferrable
ALTER TABLE "public"."bookings" ALTER CONSTRAINT "bookings_room_code_fkey" DEFERRABLE INITIALLY IMMEDIATE;
