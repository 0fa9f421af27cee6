-- comment on column "public"."orders"."code"
COMMENT ON COLUMN "public"."orders"."code" IS 'it''s the "code"';
