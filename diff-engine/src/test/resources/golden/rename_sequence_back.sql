-- rename sequence "public"."ticket_number" to "ticket_no"
ALTER SEQUENCE "public"."ticket_number" RENAME TO "ticket_no";
