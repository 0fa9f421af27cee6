-- disable and stop forcing row level security on "public"."users"
ALTER TABLE "public"."users" DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY;
