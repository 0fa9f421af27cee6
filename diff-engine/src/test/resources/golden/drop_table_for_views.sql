-- drop table "public"."ledger"
DROP TABLE "public"."ledger";
