-- rename column "public"."support_tickets_raised_by_customers_through_the_help_desk_form"."id" to "ticket_id"
ALTER TABLE "public"."support_tickets_raised_by_customers_through_the_help_desk_form" RENAME COLUMN "id" TO "ticket_id";
ALTER SEQUENCE "public"."support_tickets_raised_by_customers_through_the_help_des_id_seq" RENAME TO "support_tickets_raised_by_customers_through_the_h_ticket_id_seq";
