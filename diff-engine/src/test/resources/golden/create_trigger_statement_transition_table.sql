-- create trigger "notes_batch" on "public"."notes"
CREATE TRIGGER "notes_batch" AFTER INSERT ON "public"."notes"
    REFERENCING NEW TABLE AS "inserted"
    FOR EACH STATEMENT
    EXECUTE FUNCTION "public"."touch"();
