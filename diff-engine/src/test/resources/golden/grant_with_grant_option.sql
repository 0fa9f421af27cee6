-- grant INSERT on "public"."users" to "shale_golden_reader"
GRANT INSERT ON TABLE "public"."users" TO "shale_golden_reader" WITH GRANT OPTION;
