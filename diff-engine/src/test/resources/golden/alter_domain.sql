-- alter domain "public"."email_address"
ALTER DOMAIN "public"."email_address" RENAME CONSTRAINT "email_address_check" TO "email_address_has_at";
ALTER DOMAIN "public"."email_address" VALIDATE CONSTRAINT "email_address_short";
ALTER DOMAIN "public"."email_address" DROP DEFAULT;
ALTER DOMAIN "public"."email_address" DROP NOT NULL;
ALTER DOMAIN "public"."email_address" ADD CONSTRAINT "email_address_no_space" CHECK (VALUE !~ ' ') NOT VALID;
