-- alter column "public"."profiles"."bio": set not null
ALTER TABLE "public"."profiles" ALTER COLUMN "bio" SET NOT NULL;
