-- add check constraint "rooms_floor_check" on "public"."rooms"
ALTER TABLE "public"."rooms" ADD CONSTRAINT "rooms_floor_check" CHECK (floor >= 0) NOT VALID;
