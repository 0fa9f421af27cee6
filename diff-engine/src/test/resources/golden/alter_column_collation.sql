-- alter column "public"."orders"."code": collate POSIX
ALTER TABLE "public"."orders"
    ALTER COLUMN "code" TYPE text COLLATE "POSIX",
    ALTER COLUMN "code" SET DEFAULT 'none';
