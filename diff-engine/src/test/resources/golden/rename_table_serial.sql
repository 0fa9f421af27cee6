-- rename table "public"."tickets" to "support_tickets_raised_by_customers_through_the_help_desk_form"
ALTER TABLE "public"."tickets" RENAME TO "support_tickets_raised_by_customers_through_the_help_desk_form";
ALTER SEQUENCE "public"."tickets_id_seq" RENAME TO "support_tickets_raised_by_customers_through_the_help_des_id_seq";
