-- create sequence "public"."ticket_no"
CREATE SEQUENCE "public"."ticket_no" AS integer INCREMENT BY 10 MINVALUE 100 MAXVALUE 100000 START WITH 1000 CACHE 20 CYCLE;
