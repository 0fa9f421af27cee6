-- add foreign key "bookings_room_code_fkey" on "public"."bookings"
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_room_code_fkey" FOREIGN KEY ("room_code") REFERENCES "public"."rooms" ("code") DEFERRABLE INITIALLY DEFERRED NOT VALID;
