-- create index "rooms_code_pattern_idx" on "public"."rooms"
CREATE INDEX "rooms_code_pattern_idx" ON "public"."rooms" ("code" COLLATE "C" text_pattern_ops DESC NULLS LAST) INCLUDE ("label", "floor") WITH (deduplicate_items = off, fillfactor = 80);
