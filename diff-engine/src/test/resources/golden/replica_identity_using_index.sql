-- set replica identity of "public"."rooms" to index "rooms_code_key"
ALTER TABLE "public"."rooms" REPLICA IDENTITY USING INDEX "rooms_code_key";
