-- create index "events_2024_kind_idx" on "public"."events_2024"
CREATE INDEX "events_2024_kind_idx" ON "public"."events_2024" ("kind");
