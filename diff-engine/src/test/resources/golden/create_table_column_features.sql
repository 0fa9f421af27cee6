-- create table "public"."orders"
CREATE TABLE "public"."orders" (
    "id" bigint GENERATED ALWAYS AS IDENTITY (START WITH 1000 CACHE 20) NOT NULL,
    "code" text COLLATE "C" DEFAULT 'none' NOT NULL,
    "price" integer NOT NULL,
    "quantity" integer DEFAULT 1 NOT NULL,
    "total" integer GENERATED ALWAYS AS (price * quantity) STORED,
    "note" text,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);
