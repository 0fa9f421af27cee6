-- add unique constraint "bookings_note_key" on "public"."bookings"
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_note_key" UNIQUE NULLS NOT DISTINCT ("note");
