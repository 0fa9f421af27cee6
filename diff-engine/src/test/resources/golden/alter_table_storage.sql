-- set storage parameters of table "public"."rooms"
ALTER TABLE "public"."rooms" SET (fillfactor = 60, toast.autovacuum_enabled = false), RESET (autovacuum_enabled);
