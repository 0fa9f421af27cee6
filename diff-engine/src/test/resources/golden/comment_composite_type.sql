-- comment on type "public"."postal_address"
COMMENT ON TYPE "public"."postal_address" IS 'Where letters go';
