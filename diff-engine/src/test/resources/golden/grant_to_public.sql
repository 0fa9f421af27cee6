-- grant DELETE on "public"."users" to PUBLIC
GRANT DELETE ON TABLE "public"."users" TO PUBLIC;
