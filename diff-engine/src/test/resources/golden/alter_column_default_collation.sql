-- alter column "public"."orders"."code": default collation
ALTER TABLE "public"."orders"
    ALTER COLUMN "code" TYPE text COLLATE "default",
    ALTER COLUMN "code" SET DEFAULT 'none';
