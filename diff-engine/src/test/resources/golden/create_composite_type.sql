-- create composite type "public"."postal_address"
CREATE TYPE "public"."postal_address" AS (
    "street" text,
    "zip" varchar(10) COLLATE "C",
    "kind" "public"."user_role"
);
