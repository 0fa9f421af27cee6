-- create sequence "auth"."plain_seq"
CREATE SEQUENCE "auth"."plain_seq";
