-- alter column "public"."orders"."code": type text -> integer, set default, default collation, using length(code)
ALTER TABLE "public"."orders"
    ALTER COLUMN "code" DROP DEFAULT,
    ALTER COLUMN "code" TYPE integer USING (length(code)),
    ALTER COLUMN "code" SET DEFAULT 0;
