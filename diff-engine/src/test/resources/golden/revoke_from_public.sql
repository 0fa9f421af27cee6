-- revoke DELETE on "public"."users" from PUBLIC
REVOKE DELETE ON TABLE "public"."users" FROM PUBLIC;
