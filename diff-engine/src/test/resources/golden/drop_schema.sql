-- drop schema "auth"
DROP SCHEMA "auth";
