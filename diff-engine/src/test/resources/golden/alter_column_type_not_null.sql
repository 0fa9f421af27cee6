-- alter column "public"."profiles"."rank": type smallint -> integer, set not null
ALTER TABLE "public"."profiles"
    ALTER COLUMN "rank" TYPE integer,
    ALTER COLUMN "rank" SET NOT NULL;
