-- create table "public"."bookings"
CREATE UNLOGGED TABLE "public"."bookings" (
    "id" bigint NOT NULL,
    "room_code" text NOT NULL,
    "during" tstzrange NOT NULL,
    "note" text,
    CONSTRAINT "bookings_id_excl" EXCLUDE ("id" WITH =) DEFERRABLE INITIALLY DEFERRED
);
