-- drop sequence "auth"."plain_seq"
DROP SEQUENCE "auth"."plain_seq";
