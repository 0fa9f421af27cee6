-- create trigger "notes_touch" on "public"."notes"
CREATE TRIGGER "notes_touch" BEFORE UPDATE ON "public"."notes"
    FOR EACH ROW
    EXECUTE FUNCTION "public"."touch"();
