-- drop view "public"."credits" (it reads table "public"."ledger", whose column "amount" changes type), created again below
DROP VIEW "public"."credits";
