package dev.shale.workflow.lint;

import dev.shale.model.SchemaModel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every lint rule on hand-written SQL, each case with the exact findings ({@link Finding#describe()}, then
 * {@code IGNORED code reason} for what an ignore comment silenced). The schema before the migration is
 * {@link #BEFORE}, as a snapshot would hold it. Unless a case is about timeouts, its SQL runs after
 * {@code SET lock_timeout} and {@code SET statement_timeout} (two lines, after a no-transaction header),
 * so its own statements start at line 3.
 */
class HandWrittenLintTest {
    /** The snapshot before each case's migration. */
    static final SchemaModel BEFORE = schema(
            enumOf("mood", "sad", "happy"),
            table("users").col("id", "uuid", NOT_NULL).col("email", "varchar(100)").col("nickname", "varchar(50)")
                    .col("balance", "numeric(10,2)").col("bio", "text").pk("id")
                    .check("users_email_not_null", "email IS NOT NULL").index("users_email_idx", key("email")),
            table("orders").col("id", "uuid", NOT_NULL).col("user_id", "uuid").col("total", "numeric"));

    /**
     * One case.
     *
     * @param title the rules it shows (or NONE, IGNORED) and what it is about
     * @param sql the migration's statements
     * @param expected the findings, one a line
     */
    record Case(String title, String sql, String expected) {}

    static final List<Case> CASES = List.of(
            new Case("SH000 an unterminated string",
                    """
                    SELECT 'oops;
                    """,
                    """
                    m.sql:1: error SH000 syntax-error: unterminated quoted string starting at line 1: the file ends before its closing '; a ' inside it is written twice (''); fix the file; nothing in it was linted
                    """),
            new Case("SH001 an ignore naming no rule",
                    """
                    -- shale:lint-ignore SH999 not a code
                    DROP TABLE "public"."users";
                    """,
                    """
                    m.sql:3: warning SH001 unknown-ignore: the ignore comment names SH999, which is no lint rule; name rules by their codes (SH101, SH301...), which `shale lint` prints
                    m.sql:4: error SH101 drop-table: drops table "public"."users" and its data, and breaks code still running that reads it; stop using the table in a deploy first, and back it up or rename it away before dropping it in a later migration
                    """),
            new Case("SH002 an ignore that silences nothing",
                    """
                    -- shale:lint-ignore SH301 nothing here builds an index
                    DROP TABLE "public"."users";
                    """,
                    """
                    m.sql:3: info SH002 unused-ignore: the ignore comment for SH301 silences nothing in the statement at line 4; remove it
                    m.sql:4: error SH101 drop-table: drops table "public"."users" and its data, and breaks code still running that reads it; stop using the table in a deploy first, and back it up or rename it away before dropping it in a later migration
                    """),
            new Case("SH101 drop table",
                    """
                    DROP TABLE IF EXISTS "public"."users", audit.events CASCADE;
                    """,
                    """
                    m.sql:3: error SH101 drop-table: drops table "public"."users" and its data, and breaks code still running that reads it; stop using the table in a deploy first, and back it up or rename it away before dropping it in a later migration
                    m.sql:3: error SH101 drop-table: drops table "audit"."events" and its data, and breaks code still running that reads it; stop using the table in a deploy first, and back it up or rename it away before dropping it in a later migration
                    """),
            new Case("SH102 drop column",
                    """
                    ALTER TABLE "public"."users" DROP COLUMN IF EXISTS "nickname";
                    """,
                    """
                    m.sql:3: error SH102 drop-column: drops column "public"."users"."nickname" and its data, and breaks code still running that reads or writes it; stop using the column in a deploy first, then drop it in a later migration
                    """),
            new Case("SH103 drop schema",
                    """
                    DROP SCHEMA legacy CASCADE;
                    """,
                    """
                    m.sql:3: error SH103 drop-schema: drops schema "legacy" and every object in it; make sure nothing uses it and back it up; add -- shale:lint-ignore SH103 with the reason above the statement when it is meant
                    """),
            new Case("SH104 drop type and domain",
                    """
                    DROP TYPE "public"."mood";
                    DROP DOMAIN app.email;
                    """,
                    """
                    m.sql:3: error SH104 drop-type: drops type "public"."mood" and fails or, with CASCADE, drops the columns that use it; make sure nothing uses it and back it up; add -- shale:lint-ignore SH104 with the reason above the statement when it is meant
                    m.sql:4: error SH104 drop-type: drops domain "app"."email" and fails or, with CASCADE, drops the columns that use it; make sure nothing uses it and back it up; add -- shale:lint-ignore SH104 with the reason above the statement when it is meant
                    """),
            new Case("SH105 drop database",
                    """
                    DROP DATABASE reporting;
                    """,
                    """
                    m.sql:3: error SH105 drop-database: drops database "reporting" and all its data; make sure nothing uses it and back it up; add -- shale:lint-ignore SH105 with the reason above the statement when it is meant
                    """),
            new Case("SH106 SH201 a narrowing that rounds, known from the snapshot",
                    """
                    ALTER TABLE "public"."users" ALTER COLUMN "balance" TYPE numeric(10,1);
                    """,
                    """
                    m.sql:3: error SH106 lossy-type-change: changes column "public"."users"."balance" from numeric(10,2) to numeric(10,1), which rounds values to 1 decimal place; add a new column, backfill it in batches, and switch the code over before dropping the old one
                    m.sql:3: error SH201 type-change-rewrites: changes column "public"."users"."balance" from numeric(10,2) to numeric(10,1), which rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; add a new column, backfill it in batches, and switch the code over before dropping the old one
                    """),
            new Case("SH108 a DELETE without WHERE",
                    """
                    DELETE FROM "public"."users";
                    DELETE FROM "public"."orders" WHERE "total" = 0;
                    """,
                    """
                    m.sql:3: error SH108 delete-all-rows: deletes every row of "public"."users" (no WHERE); say which rows with WHERE, or add -- shale:lint-ignore SH108 with the reason
                    """),
            new Case("SH201 a type change of a column the snapshot holds",
                    """
                    ALTER TABLE "public"."orders" ALTER COLUMN "total" SET DATA TYPE bigint USING total::bigint;
                    """,
                    """
                    m.sql:3: error SH201 type-change-rewrites: changes column "public"."orders"."total" from numeric to bigint, which rewrites table "public"."orders" under an ACCESS EXCLUSIVE lock; add a new column, backfill it in batches, and switch the code over before dropping the old one
                    """),
            new Case("SH201 a type change of a column the snapshot does not hold",
                    """
                    ALTER TABLE "public"."orders" ALTER COLUMN "legacy_code" TYPE integer USING legacy_code::integer;
                    """,
                    """
                    m.sql:3: warning SH201 type-change-rewrites: changes the type of column "public"."orders"."legacy_code" to integer, which rewrites the table under an ACCESS EXCLUSIVE lock unless the stored values can stay as they are (the old type is not in the snapshot, so lint cannot tell); add a new column, backfill it in batches, and switch the code over before dropping the old one
                    """),
            new Case("NONE widening varchar is done in place",
                    """
                    ALTER TABLE "public"."users" ALTER COLUMN "nickname" TYPE varchar(200), ALTER COLUMN "email" TYPE text;
                    """,
                    ""),
            new Case("SH107 truncate",
                    """
                    TRUNCATE TABLE "public"."users" CASCADE;
                    """,
                    """
                    m.sql:3: error SH107 truncate: truncates "public"."users", deleting every row, and with CASCADE every row of the tables referencing it; delete the rows you mean with DELETE ... WHERE, or add -- shale:lint-ignore SH107 with the reason
                    """),
            new Case("SH202 set logged",
                    """
                    ALTER TABLE "public"."users" SET UNLOGGED;
                    """,
                    """
                    m.sql:3: warning SH202 set-logged-rewrites: makes table "public"."users" unlogged, which rewrites it under an ACCESS EXCLUSIVE lock; do it while the table is small, or in a maintenance window
                    """),
            new Case("SH203 volatile default",
                    """
                    ALTER TABLE "public"."users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();
                    ALTER TABLE "public"."users" ADD COLUMN "seq" bigserial;
                    ALTER TABLE "public"."users" ADD COLUMN "slug" text DEFAULT make_slug();
                    """,
                    """
                    m.sql:3: error SH203 volatile-default: adds column "public"."users"."token" with the volatile default gen_random_uuid(), which rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; add the column without a default, set the default in a second statement, and backfill existing rows in batches
                    m.sql:4: info SH603 prefer-identity: column "public"."users"."seq" is bigserial, whose sequence has its own owner and grants; use bigint GENERATED BY DEFAULT AS IDENTITY
                    m.sql:4: error SH203 volatile-default: adds bigserial column "public"."users"."seq", whose default nextval() differs per row, so it rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; add a nullable bigint column, backfill it in batches, then attach a sequence or identity
                    m.sql:5: warning SH203 volatile-default: adds column "public"."users"."slug" with a default calling make_slug(), which rewrites table "public"."users" under an ACCESS EXCLUSIVE lock if the function is volatile; add the column without a default, set the default in a second statement, and backfill in batches
                    """),
            new Case("NONE a stable default is instant",
                    """
                    ALTER TABLE "public"."users" ADD COLUMN "seen_at" timestamptz DEFAULT now() NOT NULL;
                    """,
                    ""),
            new Case("SH204 stored generated and identity columns",
                    """
                    ALTER TABLE "public"."users" ADD COLUMN "email_lower" text GENERATED ALWAYS AS (lower(email)) STORED;
                    ALTER TABLE "public"."users" ADD COLUMN "n" bigint GENERATED BY DEFAULT AS IDENTITY;
                    """,
                    """
                    m.sql:3: error SH204 stored-column-rewrites: adds stored generated column "public"."users"."email_lower", which computes it for every row and rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; add a plain column filled by the code or a trigger, backfill it in batches
                    m.sql:4: error SH204 stored-column-rewrites: adds identity column "public"."users"."n", which computes it for every row and rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; add a nullable bigint column, backfill it in batches, then ADD GENERATED ... AS IDENTITY
                    """),
            new Case("SH205 vacuum full and cluster",
                    """
                    VACUUM FULL "public"."users";
                    CLUSTER "public"."users" USING users_pkey;
                    """,
                    """
                    m.sql:3: warning SH205 full-rewrite: VACUUM FULL rewrites "public"."users" under an ACCESS EXCLUSIVE lock, blocking reads and writes until it ends; use pg_repack (or pg_squeeze), which rebuilds the table online
                    m.sql:4: warning SH205 full-rewrite: CLUSTER rewrites "public"."users" under an ACCESS EXCLUSIVE lock, blocking reads and writes until it ends; use pg_repack (or pg_squeeze), which rebuilds the table online
                    """),
            new Case("SH301 index on an existing table",
                    """
                    CREATE INDEX "users_email_idx" ON "public"."users" ("email");
                    """,
                    """
                    m.sql:3: warning SH301 index-not-concurrent: creates index "users_email_idx" on existing table "public"."users" without CONCURRENTLY, which blocks writes to the table while the index builds; use CREATE INDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                    """),
            new Case("NONE index on a table the migration creates",
                    """
                    CREATE TABLE "public"."tags" ("id" uuid NOT NULL, "name" text NOT NULL);
                    CREATE UNIQUE INDEX "tags_name_key" ON "public"."tags" ("name");
                    """,
                    ""),
            new Case("SH302 drop index",
                    """
                    DROP INDEX "public"."users_email_idx";
                    """,
                    """
                    m.sql:3: warning SH302 drop-index-not-concurrent: drops index "users_email_idx" without CONCURRENTLY, which takes an ACCESS EXCLUSIVE lock on "public"."users", blocking reads and writes until other transactions using it finish; use DROP INDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                    """),
            new Case("SH303 foreign key without NOT VALID",
                    """
                    ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id");
                    ALTER TABLE "public"."orders" ADD COLUMN "coupon_id" uuid REFERENCES "public"."coupons" ("id");
                    """,
                    """
                    m.sql:3: warning SH303 foreign-key-not-valid: adds foreign key "orders_user_fk" to "public"."orders" without NOT VALID, which checks every row while holding a lock that blocks writes to "public"."orders" and "public"."users"; add it NOT VALID, then VALIDATE CONSTRAINT it in a later migration
                    m.sql:4: warning SH303 foreign-key-not-valid: adds column "public"."orders"."coupon_id" with a foreign key, which locks "public"."orders" and the referenced table against writes while it is added; add the column first, then the foreign key NOT VALID, and VALIDATE CONSTRAINT it in a later migration
                    """),
            new Case("NONE foreign key NOT VALID, validated later",
                    """
                    ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") NOT VALID;
                    """,
                    ""),
            new Case("SH304 check without NOT VALID",
                    """
                    ALTER TABLE "public"."users" ADD CONSTRAINT "users_balance_nonneg" CHECK (balance >= 0);
                    """,
                    """
                    m.sql:3: warning SH304 check-not-valid: adds check "users_balance_nonneg" to "public"."users" without NOT VALID, which scans every row under an ACCESS EXCLUSIVE lock; add it NOT VALID, then VALIDATE CONSTRAINT it in a later migration
                    """),
            new Case("SH305 set not null without a validated check",
                    """
                    ALTER TABLE "public"."users" ALTER COLUMN "nickname" SET NOT NULL;
                    """,
                    """
                    m.sql:3: warning SH305 set-not-null-scans: sets column "public"."users"."nickname" NOT NULL, which scans every row under an ACCESS EXCLUSIVE lock; first ADD CONSTRAINT ... CHECK ("nickname" IS NOT NULL) NOT VALID and VALIDATE it in a later migration; SET NOT NULL then skips the scan, and the check can be dropped
                    """),
            new Case("NONE set not null after a check validated in an earlier migration (snapshot)",
                    """
                    ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL;
                    """,
                    ""),
            new Case("SH306 unique constraint and primary key built under lock",
                    """
                    ALTER TABLE "public"."users" ADD CONSTRAINT "users_email_key" UNIQUE ("email");
                    ALTER TABLE "public"."orders" ADD PRIMARY KEY ("id");
                    """,
                    """
                    m.sql:3: warning SH306 unique-builds-index: adds unique constraint "users_email_key" to "public"."users", which builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX
                    m.sql:4: warning SH306 unique-builds-index: adds primary key to "public"."orders", which builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX
                    """),
            new Case("NONE unique constraint over an index built concurrently",
                    """
                    ALTER TABLE "public"."users" ADD CONSTRAINT "users_email_key" UNIQUE USING INDEX "users_email_idx";
                    """,
                    ""),
            new Case("SH307 required column",
                    """
                    ALTER TABLE "public"."users" ADD COLUMN "tenant_id" uuid NOT NULL;
                    """,
                    """
                    m.sql:3: error SH307 required-column: adds column "public"."users"."tenant_id" NOT NULL without a default, which fails if "public"."users" has rows; give it a DEFAULT, or add it nullable, backfill, and set NOT NULL in a later migration
                    """),
            new Case("SH308 detach partition",
                    """
                    ALTER TABLE "public"."events" DETACH PARTITION "public"."events_2023";
                    """,
                    """
                    m.sql:3: warning SH308 detach-not-concurrent: detaches partition "public"."events_2023" from "public"."events" without CONCURRENTLY, which takes an ACCESS EXCLUSIVE lock on "public"."events"; use DETACH PARTITION ... CONCURRENTLY in a migration of its own whose header says -- shale:no-transaction
                    """),
            new Case("SH309 reindex",
                    """
                    REINDEX TABLE "public"."users";
                    """,
                    """
                    m.sql:3: warning SH309 reindex-not-concurrent: reindexes table "public"."users" without CONCURRENTLY, which blocks writes to the table (and reads that use the index) until it ends; use REINDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                    """),
            new Case("SH310 alter domain add constraint",
                    """
                    ALTER DOMAIN app.email ADD CONSTRAINT email_shape CHECK (position('@' in VALUE) > 1);
                    """,
                    """
                    m.sql:3: warning SH310 domain-constraint-not-valid: adds a constraint to domain "app"."email" without NOT VALID, which checks every column of the domain in every table while holding locks on them; add it NOT VALID, then VALIDATE CONSTRAINT in a later migration
                    """),
            new Case("SH311 validate in the transaction that added it",
                    """
                    ALTER TABLE "public"."users" ADD CONSTRAINT "users_balance_nonneg" CHECK (balance >= 0) NOT VALID;
                    ALTER TABLE "public"."users" VALIDATE CONSTRAINT "users_balance_nonneg";
                    """,
                    """
                    m.sql:4: warning SH311 validate-in-same-transaction: validates constraint "users_balance_nonneg" in the transaction that added it NOT VALID, so the lock taken to add it is held while every row is checked; validate it in a later migration
                    """),
            new Case("SH312 SH313 no timeouts, no runner",
                    """
                    ALTER TABLE "public"."users" ADD COLUMN "bio" text;
                    """,
                    """
                    m.sql:1: warning SH312 no-lock-timeout: takes a lock without lock_timeout set, so it waits for the lock without limit while every query on the table queues behind it; add SET lock_timeout = '5s'; at the top of the file
                    m.sql:1: info SH313 no-statement-timeout: runs without statement_timeout set, so a statement that scans or rewrites a large table holds its locks for as long as it takes; add SET statement_timeout = '5min'; at the top of the file, or set statement_timeout for the runner
                    """),
            new Case("SH314 attaching a partition",
                    """
                    ALTER TABLE "public"."events" ATTACH PARTITION "public"."events_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                    """,
                    """
                    m.sql:3: warning SH314 attach-partition-scans: attaches "public"."events_2025" to "public"."events", which scans every row of "public"."events_2025" under an ACCESS EXCLUSIVE lock on it to check the bound (and of a default partition, if there is one); first add a CHECK constraint matching the bound NOT VALID and VALIDATE it; ATTACH PARTITION then skips the scan
                    """),
            new Case("SH315 a backfill in the migration's transaction",
                    """
                    UPDATE "public"."users" SET "bio" = '';
                    UPDATE "public"."users" SET "bio" = '' WHERE "bio" IS NULL AND "id" < '8';
                    """,
                    """
                    m.sql:3: warning SH315 backfill-in-migration: updates every row of "public"."users" in the migration's transaction, holding a lock on each row (and the table's other locks) until it commits; backfill in batches outside the migration, or in a -- shale:no-transaction migration of its own
                    """),
            new Case("SH401 concurrently in a transaction",
                    """
                    CREATE INDEX CONCURRENTLY "users_email_idx" ON "public"."users" ("email");
                    DROP INDEX CONCURRENTLY "public"."users_email_idx";
                    REINDEX INDEX CONCURRENTLY "public"."users_pkey";
                    """,
                    """
                    m.sql:3: error SH401 concurrently-in-transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and shale migrate runs this file in one, so it fails; put it in a migration of its own whose header says -- shale:no-transaction
                    m.sql:4: error SH401 concurrently-in-transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction block, and shale migrate runs this file in one, so it fails; put it in a migration of its own whose header says -- shale:no-transaction
                    m.sql:5: error SH401 concurrently-in-transaction: REINDEX CONCURRENTLY cannot run inside a transaction block, and shale migrate runs this file in one, so it fails; put it in a migration of its own whose header says -- shale:no-transaction
                    """),
            new Case("SH402 SH607 mixing in a no-transaction file",
                    """
                    -- shale:no-transaction
                    CREATE INDEX CONCURRENTLY "users_email_idx" ON "public"."users" ("email");
                    ALTER TABLE "public"."users" ADD COLUMN "bio" text;
                    DROP TABLE "public"."old_users";
                    """,
                    """
                    m.sql:5: warning SH607 prefer-robust-stmts: ADD COLUMN runs outside a transaction (-- shale:no-transaction), so when a later statement fails the next run repeats it and it fails because its work is already done; write ADD COLUMN IF NOT EXISTS
                    m.sql:5: warning SH402 mixed-transaction: runs outside a transaction, since this file is marked -- shale:no-transaction for the CONCURRENTLY statement at line 4, so if a later statement fails it stays applied; move it to a migration of its own that runs in a transaction
                    m.sql:6: error SH101 drop-table: drops table "public"."old_users" and its data, and breaks code still running that reads it; stop using the table in a deploy first, and back it up or rename it away before dropping it in a later migration
                    m.sql:6: warning SH607 prefer-robust-stmts: DROP TABLE runs outside a transaction (-- shale:no-transaction), so when a later statement fails the next run repeats it and it fails because its work is already done; write IF EXISTS
                    m.sql:6: warning SH402 mixed-transaction: runs outside a transaction, since this file is marked -- shale:no-transaction for the CONCURRENTLY statement at line 4, so if a later statement fails it stays applied; move it to a migration of its own that runs in a transaction
                    """),
            new Case("SH403 transaction control",
                    """
                    BEGIN;
                    ALTER TABLE "public"."users" ADD COLUMN "bio" text;
                    COMMIT;
                    """,
                    """
                    m.sql:3: error SH403 transaction-control: BEGIN opens a transaction inside the one shale migrate runs this migration in, so PostgreSQL ignores it with a warning and a later COMMIT ends the migration's transaction early; remove the transaction control; mark the file -- shale:no-transaction to manage transactions by hand
                    m.sql:5: error SH403 transaction-control: COMMIT ends a transaction inside the one shale migrate runs this migration in, so the statements after it run outside the migration's transaction and stay applied if a later one fails; remove the transaction control; mark the file -- shale:no-transaction to manage transactions by hand
                    """),
            new Case("SH403 an uncommitted transaction in a no-transaction file",
                    """
                    -- shale:no-transaction
                    BEGIN;
                    UPDATE "public"."users" SET "bio" = '';
                    """,
                    """
                    m.sql:4: error SH403 transaction-control: BEGIN at line 4 is never committed, so the migration ends with its transaction open and its changes are rolled back when the connection closes; end it with COMMIT
                    """),
            new Case("SH404 a new enum value used in its own transaction",
                    """
                    ALTER TYPE "public"."mood" ADD VALUE 'ecstatic' AFTER 'happy';
                    UPDATE "public"."users" SET "mood" = 'ecstatic' WHERE "mood" = 'happy';
                    """,
                    """
                    m.sql:4: error SH404 enum-value-used-in-transaction: uses enum value 'ecstatic', which the statement at line 3 added to "public"."mood" in the same transaction, and PostgreSQL refuses a new enum value until the transaction that added it commits (unsafe use of new value); move the ALTER TYPE ... ADD VALUE to a migration of its own before this one
                    """),
            new Case("NONE a new enum value used in a no-transaction file",
                    """
                    -- shale:no-transaction
                    ALTER TYPE "public"."mood" ADD VALUE 'ecstatic' AFTER 'happy';
                    UPDATE "public"."users" SET "mood" = 'ecstatic' WHERE "mood" = 'happy';
                    """,
                    ""),
            new Case("SH501 rename column",
                    """
                    ALTER TABLE "public"."users" RENAME COLUMN "nickname" TO "display_name";
                    """,
                    """
                    m.sql:3: warning SH501 rename-column: renames column "public"."users"."nickname" to "display_name", which breaks code still running that uses the old name; add the new column, write both from the code, backfill, then drop the old one in a later migration
                    """),
            new Case("SH502 rename table",
                    """
                    ALTER TABLE "public"."users" RENAME TO "accounts";
                    """,
                    """
                    m.sql:3: warning SH502 rename-table: renames table "public"."users" to "accounts", which breaks code still running that uses the old name; create a view with the old name until every deploy uses the new one, or add the new table and move over in steps
                    """),
            new Case("SH503 drop not null",
                    """
                    ALTER TABLE "public"."users" ALTER COLUMN "email" DROP NOT NULL;
                    """,
                    """
                    m.sql:3: warning SH503 drop-not-null: drops NOT NULL from column "public"."users"."email", which breaks code still running that counts on the column never being NULL; deploy code that handles NULL first, then drop the constraint
                    """),
            new Case("SH504 renaming and moving types",
                    """
                    ALTER TYPE "public"."mood" RENAME VALUE 'sad' TO 'blue';
                    ALTER TYPE "public"."mood" RENAME TO "feeling";
                    ALTER TABLE "public"."users" SET SCHEMA archive;
                    """,
                    """
                    m.sql:3: warning SH504 rename-type: renames value 'sad' of enum "public"."mood", which breaks code still running that reads or writes the old value; add the new value, move the code and the data over, and stop using the old one instead
                    m.sql:4: warning SH504 rename-type: renames type "public"."mood", which breaks code still running that names the type; keep the name; create the new type and move the columns over in steps
                    m.sql:5: warning SH504 rename-type: moves table "public"."users" to schema "archive", which breaks code still running that names the old schema; keep the schema, or move over in steps with a view in the old one
                    """),
            new Case("SH601 to SH606 column types",
                    """
                    CREATE TABLE "public"."accounts" ("id" serial NOT NULL, "n" int4, "s" smallint, "name" varchar(80), "code" char(3), "at" timestamp, "big" bigserial);
                    """,
                    """
                    m.sql:3: info SH601 prefer-bigint-over-int: column "public"."accounts"."id" is serial, whose values end at 2,147,483,647; use bigint (bigserial)
                    m.sql:3: info SH603 prefer-identity: column "public"."accounts"."id" is serial, whose sequence has its own owner and grants; use bigint GENERATED BY DEFAULT AS IDENTITY
                    m.sql:3: info SH601 prefer-bigint-over-int: column "public"."accounts"."n" is int4, whose values end at 2,147,483,647; use bigint
                    m.sql:3: info SH602 prefer-bigint-over-smallint: column "public"."accounts"."s" is smallint, whose values end at 32,767; use bigint
                    m.sql:3: info SH604 prefer-text-field: column "public"."accounts"."name" is varchar(80), and raising the limit later takes an ACCESS EXCLUSIVE lock; use text with a CHECK (char_length("name") <= n) constraint, which can be replaced NOT VALID
                    m.sql:3: warning SH606 ban-char-field: column "public"."accounts"."code" is char(3), which pads values with spaces to its length and compares them ignoring trailing spaces; use text (with a CHECK on its length where one is needed)
                    m.sql:3: warning SH605 prefer-timestamptz: column "public"."accounts"."at" is timestamp, which stores no time zone, so values depend on the writing session's zone; use timestamptz
                    m.sql:3: info SH603 prefer-identity: column "public"."accounts"."big" is bigserial, whose sequence has its own owner and grants; use bigint GENERATED BY DEFAULT AS IDENTITY
                    """),
            new Case("SH608 domain with a constraint",
                    """
                    CREATE DOMAIN app.email AS text CHECK (position('@' in VALUE) > 1);
                    """,
                    """
                    m.sql:3: info SH608 domain-with-constraint: creates domain "app"."email" with a constraint, which cannot later be changed without checking every column of the domain; put the check on the columns (NOT VALID where they exist), or accept that changing it scans every table using the domain
                    """),
            new Case("SH609 enum value without a position",
                    """
                    ALTER TYPE "public"."mood" ADD VALUE IF NOT EXISTS 'meh';
                    """,
                    """
                    m.sql:3: info SH609 enum-value-ordering: adds value 'meh' to enum "public"."mood" without BEFORE or AFTER, so it sorts after every existing value; say where it belongs with BEFORE or AFTER, or add -- shale:lint-ignore SH609 if last is right
                    """),
            new Case("SH610 table without a schema",
                    """
                    CREATE TABLE accounts ("id" uuid NOT NULL);
                    """,
                    """
                    m.sql:3: info SH610 require-table-schema: creates table accounts without a schema, so it lands in the first schema of the migrating session's search_path; write the schema: "public"."accounts"
                    """),
            new Case("SH610 altering a table without a schema that the snapshot does not hold",
                    """
                    ALTER TABLE accounts ADD COLUMN "note" text;
                    """,
                    """
                    m.sql:3: info SH610 require-table-schema: alters table accounts without a schema, so it changes the first one of that name on the migrating session's search_path; write the schema: "public"."accounts"
                    """),
            new Case("SH611 a name over 63 bytes",
                    """
                    CREATE TABLE "public"."a_table_name_that_goes_on_and_on_and_on_well_past_sixty_three_bytes" ("id" uuid);
                    """,
                    """
                    m.sql:3: error SH611 identifier-too-long: name "a_table_name_that_goes_on_and_on_and_on_well_past_sixty_three_bytes" is 67 bytes long, and PostgreSQL cuts names to 63 bytes, so the object gets another name than the one written; shorten it to 63 bytes or fewer
                    """),
            new Case("IGNORED an ignore comment with a reason silences one rule of one statement",
                    """
                    -- drop the legacy column
                    -- shale:lint-ignore SH102 nothing reads nickname since release 4.2
                    ALTER TABLE "public"."users" DROP COLUMN "nickname";
                    ALTER TABLE "public"."users" DROP COLUMN "bio";
                    """,
                    """
                    m.sql:6: error SH102 drop-column: drops column "public"."users"."bio" and its data, and breaks code still running that reads or writes it; stop using the column in a deploy first, then drop it in a later migration
                    IGNORED SH102 nothing reads nickname since release 4.2
                    """),
            new Case("NONE quoting, dollar quotes and comments hide keywords",
                    """
                    CREATE FUNCTION "public"."f"() RETURNS text LANGUAGE sql AS $$ SELECT 'DROP TABLE users; CREATE INDEX x ON users (a)' $$;
                    COMMENT ON TABLE "public"."users" IS 'DROP TABLE "public"."users"; ALTER TABLE x DROP COLUMN y';
                    /* DROP TABLE users; */ SELECT 1;
                    """,
                    ""));

    /** A case's SQL with both timeouts set first (after a no-transaction header), unless the case is about them. */
    static String withTimeouts(String title, String body) {
        if (title.contains("SH312") || title.startsWith("SH000")) {
            return body;
        }
        String sets = "SET lock_timeout = '5s';\nSET statement_timeout = '1min';\n";
        String header = "-- shale:no-transaction\n";
        return body.startsWith(header) ? header + sets + body.substring(header.length()) : sets + body;
    }

    static String lint(Case c) {
        LintResult.MigrationLint r = Linter.lintText("m.sql", withTimeouts(c.title(), c.sql()), 1, BEFORE,
                c.title().contains("SH312") ? null : "10s");
        StringBuilder out = new StringBuilder();
        r.findings().forEach(f -> out.append(f.describe()).append('\n'));
        r.ignored().forEach(i -> out.append("IGNORED ").append(i.finding().rule().code()).append(' ').append(i.reason()).append('\n'));
        return out.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleOnHandWrittenSql() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> assertEquals(c.expected(), lint(c))));
    }

    @Test
    void everyRuleHasACase() {
        Set<LintRule> shown = EnumSet.noneOf(LintRule.class);
        for (Case c : CASES) {
            for (LintRule r : LintRule.values()) {
                if (c.expected().contains(" " + r.code() + " ")) {
                    shown.add(r);
                }
            }
        }
        Set<LintRule> missing = EnumSet.complementOf(EnumSet.copyOf(shown));
        assertEquals(Set.of(), missing.stream().collect(Collectors.toSet()), "rules without a hand-written case");
    }
}
