-- rename column "public"."we""irder"."Mixed Case" to "mixed ""case"""
ALTER TABLE "public"."we""irder" RENAME COLUMN "Mixed Case" TO "mixed ""case""";
