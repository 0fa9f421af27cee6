-- create table "public"."events_archive"
CREATE TABLE "public"."events_archive" (
    "id" bigint NOT NULL,
    "at" date NOT NULL,
    "kind" text,
    CONSTRAINT "events_kind_check" CHECK (kind <> '')
);
