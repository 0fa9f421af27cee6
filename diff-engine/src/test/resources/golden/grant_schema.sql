-- grant CREATE on schema "public" to "shale_golden_reader"
GRANT CREATE ON SCHEMA "public" TO "shale_golden_reader";
