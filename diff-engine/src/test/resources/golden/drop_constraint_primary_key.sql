-- drop primary key "we""ird_pkey" on "public"."we""irder"
ALTER TABLE "public"."we""irder" DROP CONSTRAINT "we""ird_pkey";
