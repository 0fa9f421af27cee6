-- drop trigger "notes_audit" on "public"."notes"
DROP TRIGGER "notes_audit" ON "public"."notes";
