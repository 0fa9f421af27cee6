-- revoke EXECUTE on function "pg_catalog"."random"() from "shale_golden_reader"
REVOKE EXECUTE ON FUNCTION "pg_catalog"."random"() FROM "shale_golden_reader";
