-- drop partition "public"."events_other" of "public"."events"
DROP TABLE "public"."events_other";
