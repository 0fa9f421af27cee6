-- drop sequence "public"."ticket_no"
DROP SEQUENCE "public"."ticket_no";
