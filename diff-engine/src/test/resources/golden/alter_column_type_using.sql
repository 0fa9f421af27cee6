-- alter column "public"."profiles"."age": type text -> integer
ALTER TABLE "public"."profiles" ALTER COLUMN "age" TYPE integer USING "age"::integer;
