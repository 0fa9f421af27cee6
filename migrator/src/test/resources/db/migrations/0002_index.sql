-- 0002_index
-- shale:no-transaction

CREATE INDEX CONCURRENTLY "accounts_email_idx" ON "public"."accounts" ("email");
