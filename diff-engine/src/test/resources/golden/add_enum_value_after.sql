-- add value 'won''t say' to enum "public"."account_status"
ALTER TYPE "public"."account_status" ADD VALUE 'won''t say' AFTER 'active';
