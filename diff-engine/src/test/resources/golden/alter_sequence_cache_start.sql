-- alter sequence "public"."ticket_no"
-- START WITH only sets what RESTART goes back to: the current value stays where it is
ALTER SEQUENCE "public"."ticket_no" START WITH 5000 CACHE 1;
