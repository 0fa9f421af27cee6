-- alter column "public"."users"."active": drop default
ALTER TABLE "public"."users" ALTER COLUMN "active" DROP DEFAULT;
