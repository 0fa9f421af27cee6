-- alter column "public"."orders"."label": type varchar -> varchar(40)
ALTER TABLE "public"."orders" ALTER COLUMN "label" TYPE varchar(40) COLLATE "POSIX";
