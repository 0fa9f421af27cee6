-- drop function "public"."touch"()
DROP FUNCTION "public"."touch"();
