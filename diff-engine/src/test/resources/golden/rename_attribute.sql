-- rename attribute "city" of type "public"."postal_address" to "town"
ALTER TYPE "public"."postal_address" RENAME ATTRIBUTE "city" TO "town";
