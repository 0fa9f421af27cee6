-- alter column "public"."orders"."total": drop expression
ALTER TABLE "public"."orders" ALTER COLUMN "total" DROP EXPRESSION;
