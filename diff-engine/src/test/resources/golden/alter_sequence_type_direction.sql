-- alter sequence "auth"."plain_seq"
-- the direction changes: RESTART moves the current value to the new start
ALTER SEQUENCE "auth"."plain_seq" AS smallint INCREMENT BY -1 MINVALUE -32768 MAXVALUE -1 START WITH -1 CYCLE RESTART;
