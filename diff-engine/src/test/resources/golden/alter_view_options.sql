-- set options of view "public"."credits"
ALTER VIEW "public"."credits" SET (check_option = cascaded, security_invoker = true), RESET (security_barrier);
