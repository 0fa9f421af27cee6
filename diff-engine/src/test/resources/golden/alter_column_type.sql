-- alter column "public"."users"."nickname": type varchar(50) -> varchar(100)
ALTER TABLE "public"."users" ALTER COLUMN "nickname" TYPE varchar(100);
