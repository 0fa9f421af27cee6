-- alter policy "Users can read themselves" on "public"."users"
ALTER POLICY "Users can read themselves" ON "public"."users"
    TO PUBLIC
    USING (active);
