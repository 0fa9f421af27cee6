-- grant EXECUTE on function "pg_catalog"."random"() to "shale_golden_reader"
GRANT EXECUTE ON FUNCTION "pg_catalog"."random"() TO "shale_golden_reader";
