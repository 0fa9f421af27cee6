-- remove comment on table "public"."users"
COMMENT ON TABLE "public"."users" IS NULL;
