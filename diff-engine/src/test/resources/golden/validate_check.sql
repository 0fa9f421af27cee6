-- validate check constraint "rooms_floor_check" on "public"."rooms"
ALTER TABLE "public"."rooms" VALIDATE CONSTRAINT "rooms_floor_check";
