-- drop domain "public"."email_address"
DROP DOMAIN "public"."email_address";
