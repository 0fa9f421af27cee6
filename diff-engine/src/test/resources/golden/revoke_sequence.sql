-- revoke USAGE on sequence "public"."invoice_no" from "shale_golden_reader"
REVOKE USAGE ON SEQUENCE "public"."invoice_no" FROM "shale_golden_reader";
