-- drop table "auth"."memberships"
DROP TABLE "auth"."memberships";
