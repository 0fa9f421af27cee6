-- set replica identity of "public"."rooms" to default
ALTER TABLE "public"."rooms" REPLICA IDENTITY DEFAULT;
