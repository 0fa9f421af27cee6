-- grant UPDATE on "public"."users"."display_name" to "shale_golden_reader"
GRANT UPDATE ("display_name") ON TABLE "public"."users" TO "shale_golden_reader";
