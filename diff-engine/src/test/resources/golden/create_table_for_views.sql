-- create table "public"."ledger"
CREATE TABLE "public"."ledger" (
    "id" integer NOT NULL,
    "amount" numeric(12,2) NOT NULL,
    "memo" text
);
