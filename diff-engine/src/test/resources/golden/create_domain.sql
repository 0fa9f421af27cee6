-- create domain "public"."email_address"
CREATE DOMAIN "public"."email_address" AS text COLLATE "C" DEFAULT 'nobody@example.com' NOT NULL
    CONSTRAINT "email_address_check" CHECK (VALUE ~ '@');
ALTER DOMAIN "public"."email_address" ADD CONSTRAINT "email_address_short" CHECK (length(VALUE) < 200) NOT VALID;
