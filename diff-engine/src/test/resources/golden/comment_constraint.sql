-- comment on constraint "users_pkey" on "public"."users"
COMMENT ON CONSTRAINT "users_pkey" ON "public"."users" IS 'Surrogate key';
