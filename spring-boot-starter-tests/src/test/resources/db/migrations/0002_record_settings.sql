-- 0002_record_settings: what the migration ran with, so the tests can see shale.lock-timeout and
-- shale.statement-timeout arrive

CREATE TABLE "public"."migration_settings" AS
    SELECT current_setting('lock_timeout') AS "lock_timeout", current_setting('statement_timeout') AS "statement_timeout";
