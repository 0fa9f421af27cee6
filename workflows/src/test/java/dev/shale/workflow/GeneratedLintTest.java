package dev.shale.workflow;

import dev.shale.diff.RenameDecisions;
import dev.shale.model.Rename;
import dev.shale.model.SchemaModel;
import dev.shale.snapshot.SnapshotHistory;
import dev.shale.testing.Models.TableSpec;
import dev.shale.workflow.lint.LintResult;
import dev.shale.workflow.lint.LintRule;
import dev.shale.workflow.lint.Linter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.shale.testing.Models.NOT_NULL;
import static dev.shale.testing.Models.enumOf;
import static dev.shale.testing.Models.key;
import static dev.shale.testing.Models.q;
import static dev.shale.testing.Models.schema;
import static dev.shale.testing.Models.sql;
import static dev.shale.testing.Models.str;
import static dev.shale.testing.Models.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lint on migrations as {@code generate} writes them: each case diffs two schemas, renders the migration(s)
 * generate would write, and lints each with the schema before it, as the snapshot chain gives it. The
 * findings are exact ({@link dev.shale.workflow.lint.Finding#describe()}); generated files set no timeouts,
 * so every one has the SH312 and SH313 notes, shown in the first case and left out of the others.
 */
class GeneratedLintTest {
    static final TableSpec USERS = table("users").col("id", "uuid", NOT_NULL).col("email", "varchar(100)")
            .col("nickname", "varchar(50)").col("balance", "numeric(10,2)").col("logins", "integer").pk("id");
    static final TableSpec POSTS = table("posts").col("id", "uuid", NOT_NULL).col("user_id", "uuid").pk("id");
    static final TableSpec T = table("t").col("id", "uuid", NOT_NULL).pk("id");
    static final dev.shale.model.EnumType MOOD = enumOf("mood", "sad", "happy");

    /**
     * One case.
     *
     * @param title the rules it shows and what it is about
     * @param timeouts whether the expected findings include SH312 and SH313
     * @param from the schema before (the previous snapshot)
     * @param to the schema code
     * @param decisions rename answers
     * @param expected the findings, one a line
     */
    record Case(String title, boolean timeouts, SchemaModel from, SchemaModel to, RenameDecisions decisions, String expected) {}

    static final List<Case> CASES = List.of(
            new Case("SH101 dropping a table", true,
                    schema(USERS, POSTS),
                    schema(USERS), RenameDecisions.NONE,
                    """
                    0000_change.sql:7: info SH312 no-lock-timeout: takes a lock before the file sets lock_timeout: shale migrate sets lock_timeout = 10s for it, another runner (psql, Flyway) would wait for the lock without limit while every query on the table queues behind it; add SET lock_timeout = '5s'; at the top of the file to keep the limit with any runner
                    0000_change.sql:7: info SH313 no-statement-timeout: runs without statement_timeout set, so a statement that scans or rewrites a large table holds its locks for as long as it takes; add SET statement_timeout = '5min'; at the top of the file, or set statement_timeout for the runner
                    0000_change.sql:7: error SH101 drop-table: drops table "public"."posts" and its data, and breaks code still running that reads it; stop using the table in a deploy first, and back it up or rename it away before dropping it in a later migration
                    """),
            new Case("SH102 dropping a column", false,
                    schema(T.col("a", "text")),
                    schema(T), RenameDecisions.NONE,
                    """
                    0000_change.sql:7: error SH102 drop-column: drops column "public"."t"."a" and its data, and breaks code still running that reads or writes it; stop using the column in a deploy first, then drop it in a later migration
                    """),
            new Case("SH104 dropping an enum", false,
                    schema(MOOD, USERS),
                    schema(USERS), RenameDecisions.NONE,
                    """
                    0000_change.sql:7: error SH104 drop-type: drops type "public"."mood" and fails or, with CASCADE, drops the columns that use it; make sure nothing uses it and back it up; add -- shale:lint-ignore SH104 with the reason above the statement when it is meant
                    """),
            new Case("SH106 SH201 SH305 type changes the snapshot explains; a longer varchar is no rewrite", false,
                    schema(T.col("a", "numeric(10,2)").col("b", "varchar(50)").col("c", "integer").col("d", "text")),
                    schema(T.col("a", "numeric(10,1)").col("b", "varchar(200)").col("c", "bigint").col("d", "text", NOT_NULL)), RenameDecisions.NONE,
                    """
                    0000_change.sql:9: error SH106 lossy-type-change: changes column "public"."t"."a" from numeric(10,2) to numeric(10,1), which rounds values to 1 decimal place; add a new column, backfill it in batches, and switch the code over before dropping the old one
                    0000_change.sql:9: error SH201 type-change-rewrites: changes column "public"."t"."a" from numeric(10,2) to numeric(10,1), which rewrites table "public"."t" under an ACCESS EXCLUSIVE lock; add a new column, backfill it in batches, and switch the code over before dropping the old one
                    0000_change.sql:15: error SH201 type-change-rewrites: changes column "public"."t"."c" from integer to bigint, which rewrites table "public"."t" under an ACCESS EXCLUSIVE lock; add a new column, backfill it in batches, and switch the code over before dropping the old one
                    0000_change.sql:18: warning SH305 set-not-null-scans: sets column "public"."t"."d" NOT NULL, which scans every row under an ACCESS EXCLUSIVE lock; first ADD CONSTRAINT ... CHECK ("d" IS NOT NULL) NOT VALID and VALIDATE it in a later migration; SET NOT NULL then skips the scan, and the check can be dropped
                    """),
            new Case("SH203 SH307 a volatile default and a required column on an existing table", false,
                    schema(USERS),
                    schema(USERS.col("token", "uuid", NOT_NULL, sql("gen_random_uuid()")).col("tenant_id", "uuid", NOT_NULL)), RenameDecisions.NONE,
                    """
                    0000_change.sql:8: error SH203 volatile-default: adds column "public"."users"."token" with the volatile default gen_random_uuid(), which rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; add the column without a default, set the default in a second statement, and backfill existing rows in batches
                    0000_change.sql:11: error SH307 required-column: adds column "public"."users"."tenant_id" NOT NULL without a default, which fails if "public"."users" has rows; give it a DEFAULT, or add it nullable, backfill, and set NOT NULL in a later migration
                    """),
            new Case("SH301 an index on an existing table", false,
                    schema(USERS),
                    schema(USERS.index("users_email_idx", key("email"))), RenameDecisions.NONE,
                    """
                    0000_change.sql:5: warning SH301 index-not-concurrent: creates index "users_email_idx" on existing table "public"."users" without CONCURRENTLY, which blocks writes to the table while the index builds; use CREATE INDEX CONCURRENTLY; put it in a migration of its own whose header says -- shale:no-transaction
                    """),
            new Case("SH601 SH602 SH603 SH604 SH605 SH606 a new table's types; its index needs no CONCURRENTLY", false,
                    schema(),
                    schema(table("accounts").col("id", "serial", NOT_NULL).col("n", "integer").col("s", "smallint")
                                .col("name", "varchar(80)").col("code", "char(3)").col("at", "timestamp").pk("id")
                                .index("accounts_name_idx", key("name"))), RenameDecisions.NONE,
                    """
                    0000_change.sql:5: info SH601 prefer-bigint-over-int: column "public"."accounts"."id" is serial, whose values end at 2,147,483,647; use bigint (bigserial)
                    0000_change.sql:5: info SH603 prefer-identity: column "public"."accounts"."id" is serial, whose sequence has its own owner and grants; use bigint GENERATED BY DEFAULT AS IDENTITY
                    0000_change.sql:5: info SH601 prefer-bigint-over-int: column "public"."accounts"."n" is integer, whose values end at 2,147,483,647; use bigint
                    0000_change.sql:5: info SH602 prefer-bigint-over-smallint: column "public"."accounts"."s" is smallint, whose values end at 32,767; use bigint
                    0000_change.sql:5: info SH604 prefer-text-field: column "public"."accounts"."name" is varchar(80), and raising the limit later takes an ACCESS EXCLUSIVE lock; use text with a CHECK (char_length("name") <= n) constraint, which can be replaced NOT VALID
                    0000_change.sql:5: warning SH606 ban-char-field: column "public"."accounts"."code" is char(3), which pads values with spaces to its length and compares them ignoring trailing spaces; use text (with a CHECK on its length where one is needed)
                    0000_change.sql:5: warning SH605 prefer-timestamptz: column "public"."accounts"."at" is timestamp, which stores no time zone, so values depend on the writing session's zone; use timestamptz
                    """),
            new Case("SH303 a foreign key", false,
                    schema(USERS, POSTS),
                    schema(USERS, POSTS.fk("posts_user_fk", "user_id", "users", "id", null)), RenameDecisions.NONE,
                    """
                    0000_change.sql:7: warning SH303 foreign-key-not-valid: adds foreign key "posts_user_fk" to "public"."posts" without NOT VALID, which checks every row while holding a lock that blocks writes to "public"."posts" and "public"."users"; add it NOT VALID, then VALIDATE CONSTRAINT it in a later migration
                    """),
            new Case("SH304 a check", false,
                    schema(USERS),
                    schema(USERS.check("users_balance_nonneg", "balance >= 0")), RenameDecisions.NONE,
                    """
                    0000_change.sql:7: warning SH304 check-not-valid: adds check "users_balance_nonneg" to "public"."users" without NOT VALID, which scans every row under an ACCESS EXCLUSIVE lock; add it NOT VALID, then VALIDATE CONSTRAINT it in a later migration
                    """),
            new Case("SH306 a unique constraint", false,
                    schema(USERS),
                    schema(USERS.unique("users_email_key", "email")), RenameDecisions.NONE,
                    """
                    0000_change.sql:7: warning SH306 unique-builds-index: adds unique constraint "users_email_key" to "public"."users", which builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX
                    """),
            new Case("SH609 and no SH404: generate puts a new enum value's first use in the next migration", false,
                    schema(MOOD, USERS),
                    schema(enumOf("mood", "sad", "happy", "ecstatic"), USERS.col("mood", "enum:public.mood", NOT_NULL, str("ecstatic"))), RenameDecisions.NONE,
                    """
                    0000_change.sql:5: info SH609 enum-value-ordering: adds value 'ecstatic' to enum "public"."mood" without BEFORE or AFTER, so it sorts after every existing value; say where it belongs with BEFORE or AFTER, or add -- shale:lint-ignore SH609 if last is right
                    """),
            new Case("SH201 SH504 replacing an enum whose value was removed; dropping its renamed old type is no SH104", false,
                    schema(enumOf("mood", "sad", "happy", "meh"), USERS.col("mood", "enum:public.mood").index("users_mood_idx", key("mood"))),
                    schema(enumOf("mood", "sad", "happy"), USERS.col("mood", "enum:public.mood").index("users_mood_idx", key("mood"))),
                    RenameDecisions.NONE,
                    """
                    0000_change.sql:8: warning SH504 rename-type: renames type "public"."mood", which breaks code still running that names the type; keep the name; create the new type and move the columns over in steps
                    0000_change.sql:10: error SH201 type-change-rewrites: converts column "public"."users"."mood" to the new enum "public"."mood" that replaces the old one, which rewrites table "public"."users" under an ACCESS EXCLUSIVE lock; do it while the table is small, or add the values instead of removing or reordering them
                    """),
            new Case("SH501 a column rename", false,
                    schema(T.col("a", "text")),
                    schema(T.col("b", "text")), RenameDecisions.of(List.of(Rename.column(q("t"), "a", "b"))),
                    """
                    0000_change.sql:5: warning SH501 rename-column: renames column "public"."t"."a" to "b", which breaks code still running that uses the old name; add the new column, write both from the code, backfill, then drop the old one in a later migration
                    """),
            new Case("SH502 a table rename", false,
                    schema(T),
                    schema(table("u").col("id", "uuid", NOT_NULL).pk("id")), RenameDecisions.of(List.of(Rename.table(q("t"), "u"))),
                    """
                    0000_change.sql:5: warning SH502 rename-table: renames table "public"."t" to "u", which breaks code still running that uses the old name; create a view with the old name until every deploy uses the new one, or add the new table and move over in steps
                    """),
            new Case("SH503 dropping NOT NULL", false,
                    schema(T.col("d", "text", NOT_NULL)),
                    schema(T.col("d", "text")), RenameDecisions.NONE,
                    """
                    0000_change.sql:5: warning SH503 drop-not-null: drops NOT NULL from column "public"."t"."d", which breaks code still running that counts on the column never being NULL; deploy code that handles NULL first, then drop the constraint
                    """));

    /** The SQL generate writes for a case, all its migrations. */
    static String generatedSql(Case c) {
        return Generator.plan(new SnapshotHistory(Path.of("snapshots"), List.of()), c.from(), c.to(), c.decisions(), "change")
                .migrations().stream().map(MigrationPlan.Planned::sql).reduce("", String::concat);
    }

    @org.junit.jupiter.api.Test
    void theEnumReplacementCaseDropsTheOldType() {
        Case c = CASES.stream().filter(x -> x.title().startsWith("SH201 SH504")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(generatedSql(c).contains("DROP TYPE \"public\".\"mood__old\";"), generatedSql(c));
    }

    static String lint(Case c) {
        MigrationPlan plan = Generator.plan(new SnapshotHistory(Path.of("snapshots"), List.of()), c.from(), c.to(), c.decisions(),
                "change");
        StringBuilder out = new StringBuilder();
        SchemaModel before = c.from();
        for (MigrationPlan.Planned p : plan.migrations()) {
            LintResult.MigrationLint r = Linter.lintText(p.title() + ".sql", p.sql(), p.number(), before);
            r.findings().stream().filter(f -> c.timeouts() || f.rule() != LintRule.SH312 && f.rule() != LintRule.SH313)
                    .forEach(f -> out.append(f.describe()).append('\n'));
            before = p.snapshot().model();
        }
        return out.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleGenerateCanTrigger() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> assertEquals(c.expected(), lint(c))));
    }
}
