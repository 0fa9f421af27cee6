-- alter column "public"."profiles"."status": type text -> "public"."account_status"
ALTER TABLE "public"."profiles"
    ALTER COLUMN "status" DROP DEFAULT,
    ALTER COLUMN "status" TYPE "public"."account_status" USING "status"::"public"."account_status",
    ALTER COLUMN "status" SET DEFAULT 'active';
