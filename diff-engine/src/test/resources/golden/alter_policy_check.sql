-- alter policy "emails are shaped" on "public"."users"
ALTER POLICY "emails are shaped" ON "public"."users"
    WITH CHECK (position('@' in email) > 1);
