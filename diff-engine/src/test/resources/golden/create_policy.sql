-- create policy "Users can read themselves" on "public"."users"
CREATE POLICY "Users can read themselves" ON "public"."users"
    FOR SELECT TO "shale_golden_reader"
    USING (id = nullif(current_setting('app.user_id', true), '')::uuid);
