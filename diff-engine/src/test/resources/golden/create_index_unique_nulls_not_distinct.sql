-- create unique index "rooms_label_key" on "public"."rooms"
CREATE UNIQUE INDEX "rooms_label_key" ON "public"."rooms" ("label") NULLS NOT DISTINCT;
