-- create table "public"."rooms"
CREATE TABLE "public"."rooms" (
    "id" integer NOT NULL,
    "code" text NOT NULL,
    "label" text,
    "floor" integer,
    "doc" jsonb,
    CONSTRAINT "rooms_pkey" PRIMARY KEY ("id") DEFERRABLE,
    CONSTRAINT "rooms_code_key" UNIQUE ("code"),
    CONSTRAINT "rooms_label_floor_key" UNIQUE NULLS NOT DISTINCT ("label", "floor") DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT "rooms_id_check" CHECK (id > 0) NO INHERIT
) WITH (autovacuum_enabled = false, fillfactor = 70);
