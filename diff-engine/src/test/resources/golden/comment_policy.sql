-- comment on policy "own_row" on "public"."users"
COMMENT ON POLICY "own_row" ON "public"."users" IS 'A user''s own row; it''s theirs';
