-- drop procedure "public"."archive"(integer)
DROP PROCEDURE "public"."archive"(integer);
