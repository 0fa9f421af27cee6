-- alter sequence "auth"."plain_seq"
-- START WITH only sets what RESTART goes back to: the current value stays where it is
ALTER SEQUENCE "auth"."plain_seq" AS smallint INCREMENT BY -1 NO MINVALUE NO MAXVALUE START WITH -1 CYCLE;
