-- drop policy "Users can read themselves" on "public"."users"
DROP POLICY "Users can read themselves" ON "public"."users";
