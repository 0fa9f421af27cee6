-- remove comment on trigger "notes_touch" on "public"."notes"
COMMENT ON TRIGGER "notes_touch" ON "public"."notes" IS NULL;
