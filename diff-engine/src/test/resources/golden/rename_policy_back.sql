-- rename policy "Own row" on "public"."users" to "own_row"
ALTER POLICY "Own row" ON "public"."users" RENAME TO "own_row";
