-- comment on aggregate "public"."total"(integer)
COMMENT ON AGGREGATE "public"."total"(integer) IS 'A sum';
