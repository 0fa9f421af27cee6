-- set storage parameters of index "rooms_code_pattern_idx" on "public"."rooms"
ALTER INDEX "public"."rooms_code_pattern_idx" SET (fillfactor = 90), RESET (deduplicate_items);
