-- 0000_create_notes: the table the test application's beans read at start-up

CREATE TABLE "public"."notes" (
    "id" integer PRIMARY KEY,
    "body" text NOT NULL
);
