-- revoke INSERT on "public"."users" from "shale_golden_reader"
REVOKE INSERT ON TABLE "public"."users" FROM "shale_golden_reader";
