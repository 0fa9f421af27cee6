-- 0001_accounts: hand-written, with a trigger function whose body holds semicolons
CREATE TABLE "public"."accounts" (
    "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "email" text NOT NULL,
    "updated_at" timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION "public"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.updated_at := now(); -- a comment; with a semicolon
    RETURN NEW;
END;
$fn$;

CREATE TRIGGER "accounts_touch" BEFORE UPDATE ON "public"."accounts"
    FOR EACH ROW EXECUTE FUNCTION "public"."touch_updated_at"();
