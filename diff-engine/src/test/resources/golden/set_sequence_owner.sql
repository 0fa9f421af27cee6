-- set owner of sequence "public"."ticket_no"
ALTER SEQUENCE "public"."ticket_no" OWNED BY "public"."users"."score";
