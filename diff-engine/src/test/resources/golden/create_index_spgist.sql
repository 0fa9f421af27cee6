-- create index "rooms_label_spgist_idx" on "public"."rooms"
CREATE INDEX "rooms_label_spgist_idx" ON "public"."rooms" USING spgist ("label");
