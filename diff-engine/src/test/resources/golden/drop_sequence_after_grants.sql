-- drop sequence "public"."invoice_no"
DROP SEQUENCE "public"."invoice_no";
