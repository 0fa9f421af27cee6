-- drop aggregate "public"."total"(integer)
DROP AGGREGATE "public"."total"(integer);
