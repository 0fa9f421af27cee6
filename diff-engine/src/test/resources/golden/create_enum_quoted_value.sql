-- create enum "public"."account_status"
CREATE TYPE "public"."account_status" AS ENUM ('active', 'it''s off');
