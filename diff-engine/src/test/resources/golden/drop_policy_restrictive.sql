-- drop policy "emails are shaped" on "public"."users"
DROP POLICY "emails are shaped" ON "public"."users";
