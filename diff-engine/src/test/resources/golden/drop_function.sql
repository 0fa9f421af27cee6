-- drop function "public"."add"(integer, integer)
DROP FUNCTION "public"."add"(integer, integer);
