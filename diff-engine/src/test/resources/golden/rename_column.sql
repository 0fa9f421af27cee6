-- rename column "public"."users"."nickname" to "display_name"
ALTER TABLE "public"."users" RENAME COLUMN "nickname" TO "display_name";
