-- alter composite type "public"."postal_address"
ALTER TYPE "public"."postal_address"
    DROP ATTRIBUTE "kind",
    ALTER ATTRIBUTE "zip" TYPE text,
    ADD ATTRIBUTE "city" text COLLATE "C";
