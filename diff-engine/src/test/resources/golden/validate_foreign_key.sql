-- validate foreign key "bookings_room_code_fkey" on "public"."bookings"
ALTER TABLE "public"."bookings" VALIDATE CONSTRAINT "bookings_room_code_fkey";
