-- rename table "public"."we""ird" to "we""irder"
ALTER TABLE "public"."we""ird" RENAME TO "we""irder";
