-- attach "public"."events_archive" as a partition of "public"."events"
ALTER TABLE "public"."events" ATTACH PARTITION "public"."events_archive" FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
