-- create table "public"."tickets"
CREATE TABLE "public"."tickets" (
    "id" serial NOT NULL,
    "title" text,
    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id")
);
