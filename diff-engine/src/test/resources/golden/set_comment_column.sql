-- comment on column "public"."orders"."note"
COMMENT ON COLUMN "public"."orders"."note" IS 'shown on the invoice';
