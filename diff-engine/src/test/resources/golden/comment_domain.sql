-- comment on domain "public"."email_address"
COMMENT ON DOMAIN "public"."email_address" IS 'An address with an @';
