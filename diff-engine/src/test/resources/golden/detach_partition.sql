-- detach partition "public"."events_archive" from "public"."events"
ALTER TABLE "public"."events" DETACH PARTITION "public"."events_archive";
