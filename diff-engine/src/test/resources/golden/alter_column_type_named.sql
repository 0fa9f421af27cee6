-- alter column "public"."profiles"."balance": type numeric(12,2) -> money
ALTER TABLE "public"."profiles"
    ALTER COLUMN "balance" DROP DEFAULT,
    ALTER COLUMN "balance" TYPE money USING "balance"::money,
    ALTER COLUMN "balance" SET DEFAULT -1.50;
