-- revoke CREATE on schema "public" from "shale_golden_reader"
REVOKE CREATE ON SCHEMA "public" FROM "shale_golden_reader";
