-- revoke SELECT on "public"."users" from "shale_golden_reader"
REVOKE SELECT ON TABLE "public"."users" FROM "shale_golden_reader";
