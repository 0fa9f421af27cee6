-- create partition "public"."events_other" of "public"."events"
CREATE TABLE "public"."events_other" PARTITION OF "public"."events" (
    CONSTRAINT "events_other_id_check" CHECK (id > 0)
) DEFAULT;
