-- alter column "public"."users"."email": drop not null
ALTER TABLE "public"."users" ALTER COLUMN "email" DROP NOT NULL;
