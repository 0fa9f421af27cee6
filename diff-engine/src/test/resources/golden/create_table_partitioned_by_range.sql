-- create table "public"."events"
CREATE TABLE "public"."events" (
    "id" bigint NOT NULL,
    "at" date NOT NULL,
    "kind" text,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id", "at"),
    CONSTRAINT "events_kind_check" CHECK (kind <> '')
) PARTITION BY RANGE ("at");
