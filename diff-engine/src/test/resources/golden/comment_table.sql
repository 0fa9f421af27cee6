-- comment on table "public"."users"
COMMENT ON TABLE "public"."users" IS 'People who can sign in; it''s the core table';
