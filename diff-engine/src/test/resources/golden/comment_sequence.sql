-- comment on sequence "public"."ticket_no"
COMMENT ON SEQUENCE "public"."ticket_no" IS 'Ticket numbers';
