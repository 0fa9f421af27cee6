-- revoke UPDATE on "public"."users"."display_name" from "shale_golden_reader"
REVOKE UPDATE ("display_name") ON TABLE "public"."users" FROM "shale_golden_reader";
