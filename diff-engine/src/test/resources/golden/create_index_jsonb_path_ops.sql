-- create index "rooms_doc_idx" on "public"."rooms"
CREATE INDEX "rooms_doc_idx" ON "public"."rooms" USING gin ("doc" jsonb_path_ops);
