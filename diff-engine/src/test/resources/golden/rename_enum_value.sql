-- rename value 'won''t say' of enum "public"."account_status" to 'rather not say'
ALTER TYPE "public"."account_status" RENAME VALUE 'won''t say' TO 'rather not say';
