-- create table "auth"."memberships"
CREATE TABLE "auth"."memberships" (
    "org_id" uuid NOT NULL,
    "user_id" uuid NOT NULL,
    "roles" "public"."user_role"[] DEFAULT '{member}' NOT NULL,
    "joined_on" date DEFAULT current_date,
    CONSTRAINT "memberships_pkey" PRIMARY KEY ("org_id", "user_id")
);
