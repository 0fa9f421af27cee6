-- rename policy "own_row" on "public"."users" to "Own row"
ALTER POLICY "own_row" ON "public"."users" RENAME TO "Own row";
