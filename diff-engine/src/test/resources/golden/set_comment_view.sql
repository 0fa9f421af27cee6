-- comment on view "public"."credits"
COMMENT ON VIEW "public"."credits" IS 'money in';
