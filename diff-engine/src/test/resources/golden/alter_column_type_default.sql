-- alter column "public"."users"."score": type integer -> numeric(10,2), set default
ALTER TABLE "public"."users"
    ALTER COLUMN "score" TYPE numeric(10,2),
    ALTER COLUMN "score" SET DEFAULT 10.5;
