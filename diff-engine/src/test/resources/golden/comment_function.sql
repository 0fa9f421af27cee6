-- comment on function "public"."add"(integer, integer)
COMMENT ON FUNCTION "public"."add"(integer, integer) IS 'Adds; it''s commutative';
