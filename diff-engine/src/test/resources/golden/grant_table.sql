-- grant SELECT on "public"."users" to "shale_golden_reader"
GRANT SELECT ON TABLE "public"."users" TO "shale_golden_reader";
