-- create policy "own_row" on "public"."users"
CREATE POLICY "own_row" ON "public"."users"
    FOR ALL TO PUBLIC
    USING (id = nullif(current_setting('app.user_id', true), '')::uuid)
    WITH CHECK (active);
