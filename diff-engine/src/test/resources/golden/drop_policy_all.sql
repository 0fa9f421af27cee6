-- drop policy "own_row" on "public"."users"
DROP POLICY "own_row" ON "public"."users";
