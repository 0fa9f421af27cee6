-- alter column "public"."profiles"."handle": set not null, set default
ALTER TABLE "public"."profiles"
    ALTER COLUMN "handle" SET NOT NULL,
    ALTER COLUMN "handle" SET DEFAULT 'anonymous';
