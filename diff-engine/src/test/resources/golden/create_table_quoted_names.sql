-- create table "public"."we""ird"
CREATE TABLE "public"."we""ird" (
    "col""umn" text DEFAULT 'it''s' NOT NULL,
    "path" text DEFAULT 'C:\temp',
    "Mixed Case" integer,
    CONSTRAINT "we""ird_key" UNIQUE ("col""umn"),
    CONSTRAINT "we""ird_check" CHECK ("Mixed Case" > 0)
);
