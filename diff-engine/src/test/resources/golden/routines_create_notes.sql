-- create table "public"."notes"
CREATE TABLE "public"."notes" (
    "id" integer NOT NULL,
    "body" text,
    "updated_at" timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);
