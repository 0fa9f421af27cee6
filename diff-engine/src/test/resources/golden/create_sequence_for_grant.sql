-- create sequence "public"."invoice_no"
CREATE SEQUENCE "public"."invoice_no";
