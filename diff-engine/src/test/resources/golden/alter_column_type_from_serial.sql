-- alter column "public"."profiles"."seq": type serial -> bigserial
ALTER TABLE "public"."profiles" ALTER COLUMN "seq" TYPE bigint;
