-- grant USAGE on sequence "public"."invoice_no" to "shale_golden_reader"
GRANT USAGE ON SEQUENCE "public"."invoice_no" TO "shale_golden_reader";
