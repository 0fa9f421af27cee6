-- enable row level security on "public"."users"
ALTER TABLE "public"."users" ENABLE ROW LEVEL SECURITY;
