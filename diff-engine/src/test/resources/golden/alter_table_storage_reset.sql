-- set storage parameters of table "public"."rooms"
ALTER TABLE "public"."rooms" RESET (fillfactor, toast.autovacuum_enabled);
