-- drop table "public"."support_tickets_raised_by_customers_through_the_help_desk_form"
DROP TABLE "public"."support_tickets_raised_by_customers_through_the_help_desk_form";
