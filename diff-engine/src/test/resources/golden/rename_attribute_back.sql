-- rename attribute "town" of type "public"."postal_address" to "city"
ALTER TYPE "public"."postal_address" RENAME ATTRIBUTE "town" TO "city";
