-- alter column "public"."profiles"."level": type text -> "public"."user_role", set not null, set default
ALTER TABLE "public"."profiles"
    ALTER COLUMN "level" DROP DEFAULT,
    ALTER COLUMN "level" TYPE "public"."user_role" USING "level"::"public"."user_role",
    ALTER COLUMN "level" SET NOT NULL,
    ALTER COLUMN "level" SET DEFAULT 'member';
