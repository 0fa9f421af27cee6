-- create table "public"."tags"
CREATE TABLE "public"."tags" (
    "name" text NOT NULL,
    "weight" integer
) PARTITION BY LIST ((lower(name)));
