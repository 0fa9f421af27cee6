-- create policy "emails are shaped" on "public"."users"
CREATE POLICY "emails are shaped" ON "public"."users"
    AS RESTRICTIVE FOR INSERT TO PUBLIC
    WITH CHECK (email like '%@%');
