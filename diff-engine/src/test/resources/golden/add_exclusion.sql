-- add exclusion constraint "bookings_no_overlap" on "public"."bookings"
ALTER TABLE "public"."bookings" ADD CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist ("during" WITH &&) INCLUDE ("note") WHERE (note <> 'cancelled') DEFERRABLE;
