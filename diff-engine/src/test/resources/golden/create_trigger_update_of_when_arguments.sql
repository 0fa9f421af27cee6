-- create trigger "notes_audit" on "public"."notes"
CREATE TRIGGER "notes_audit" AFTER INSERT OR UPDATE OF "body" ON "public"."notes"
    FOR EACH ROW
    WHEN (NEW.body IS NOT NULL)
    EXECUTE FUNCTION "public"."touch"('audit', 'it''s');
