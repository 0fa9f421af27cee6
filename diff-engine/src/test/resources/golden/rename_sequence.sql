-- rename sequence "public"."ticket_no" to "ticket_number"
ALTER SEQUENCE "public"."ticket_no" RENAME TO "ticket_number";
