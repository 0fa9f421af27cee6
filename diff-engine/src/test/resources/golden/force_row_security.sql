-- force row level security on "public"."users"
ALTER TABLE "public"."users" FORCE ROW LEVEL SECURITY;
