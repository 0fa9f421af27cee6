-- alter column "public"."profiles"."lucky_numbers": type text[] -> integer[]
ALTER TABLE "public"."profiles" ALTER COLUMN "lucky_numbers" TYPE integer[] USING "lucky_numbers"::integer[];
