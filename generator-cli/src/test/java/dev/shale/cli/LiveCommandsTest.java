package dev.shale.cli;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code push}, {@code diff} against a database, and {@code check --url} (drift), on the real PostgreSQL. */
class LiveCommandsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String TIMEZONE = "public final Column<String> timezone = text(\"timezone\").notNull().defaultValue(\"UTC\");";

    @TempDir
    Path dir;

    private static List<String> columns(TestDatabase db, String table) throws SQLException {
        return db.strings("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                + table + "' ORDER BY column_name");
    }

    private static List<String> tables(TestDatabase db) throws SQLException {
        return db.strings("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    }

    private static TempProject.Run push(TempProject p, TestDatabase db, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "push";
        args[1] = "--url";
        args[2] = db.url();
        System.arraycopy(flags, 0, args, 3, flags.length);
        return p.run(args);
    }

    @Test
    void firstPushCreatesTheSchemaAndASecondPushHasNothingToDo() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run run = push(p, db);
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("CREATE TABLE \"public\".\"users\""), run.toString());
            assertTrue(run.out().contains("in one transaction."), run.toString());
            assertEquals(List.of("posts", "users"), tables(db));

            TempProject.Run again = push(p, db);
            assertEquals(0, again.code(), again.toString());
            assertEquals("Database matches the schema code; nothing to do.\n", again.out(), again.toString());
        }
    }

    @Test
    void dryRunPrintsTheSqlAndChangesNothing() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            TempProject.Run run = push(p, db, "--dry-run");
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().startsWith("-- create table") || run.out().startsWith("-- create "), run.toString());
            assertTrue(run.out().contains("CREATE INDEX \"posts_author_idx\""), run.toString());
            assertFalse(run.out().contains("Applied"), run.toString());
            assertEquals(List.of(), tables(db));
        }
    }

    @Test
    void dataLossOffATerminalIsRefusedWithoutForceAndChangesNothing() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, push(p, db).code());
            db.execute("ALTER TABLE public.users ADD COLUMN nickname text");
            db.execute("INSERT INTO public.users (email, nickname) VALUES ('a@example.com', 'ann')");
            p.usersWith(TIMEZONE); // a harmless change in the same push must not land either

            TempProject.Run refused = push(p, db, "--dropped", "public.users.nickname");
            assertEquals(1, refused.code(), refused.toString());
            assertTrue(refused.out().contains("warning data loss: ") || refused.out().contains("-- WARNING data loss"), refused.toString());
            assertTrue(refused.err().contains("ALTER TABLE \"public\".\"users\" DROP COLUMN \"nickname\";"), refused.toString());
            assertTrue(refused.err().contains("Nothing was changed. Rerun with --force"), refused.toString());
            assertEquals(List.of("email", "id", "nickname"), columns(db, "users"));
            assertEquals(List.of("ann"), db.strings("SELECT nickname FROM public.users"));

            TempProject.Run forced = push(p, db, "--dropped", "public.users.nickname", "--force");
            assertEquals(0, forced.code(), forced.toString());
            assertEquals(List.of("email", "id", "timezone"), columns(db, "users"));
            assertEquals(List.of("UTC"), db.strings("SELECT timezone FROM public.users"));

            TempProject.Run again = push(p, db);
            assertEquals(0, again.code(), again.toString());
            assertTrue(again.out().contains("Database matches the schema code; nothing to do."), again.toString());
        }
    }

    @Test
    void onATerminalTheAnswerDecides() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, push(p, db).code());
            db.execute("ALTER TABLE public.users ADD COLUMN nickname text");
            TempProject.Run no = p.runWithInput(true, "\n", "push", "--url", db.url());
            assertEquals(1, no.code(), no.toString());
            assertTrue(no.out().contains("Apply it? [y/N]: Nothing was changed."), no.toString());
            assertEquals(List.of("email", "id", "nickname"), columns(db, "users"));

            TempProject.Run yes = p.runWithInput(true, "y\n", "push", "--url", db.url());
            assertEquals(0, yes.code(), yes.toString());
            assertEquals(List.of("email", "id"), columns(db, "users"));
        }
    }

    @Test
    void renameQuestionsAreAskedAsGenerateAsksThem() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, push(p, db).code());
            db.execute("ALTER TABLE public.users ADD COLUMN nickname text");
            db.execute("INSERT INTO public.users (email, nickname) VALUES ('a@example.com', 'Europe/Oslo')");
            p.usersWith(TIMEZONE);

            TempProject.Run open = push(p, db, "--force");
            assertEquals(1, open.code(), open.toString());
            assertTrue(open.err().contains("column \"nickname\" of table \"public\".\"users\" disappeared while \"timezone\" appeared"), open.toString());
            assertTrue(open.err().contains("--rename public.users.nickname=timezone"), open.toString());
            assertTrue(open.err().contains("then run push again."), open.toString());
            TempProject.Run typo = push(p, db, "--rename", "public.users.nick=timezone");
            assertEquals(1, typo.code(), typo.toString());
            assertTrue(typo.err().contains("the database has no column \"nick\""), typo.toString());
            assertEquals(List.of("email", "id", "nickname"), columns(db, "users"));

            TempProject.Run renamed = p.runWithInput(true, "1\n", "push", "--url", db.url());
            assertEquals(0, renamed.code(), renamed.toString());
            assertTrue(renamed.out().contains("ALTER TABLE \"public\".\"users\" RENAME COLUMN \"nickname\" TO \"timezone\";"), renamed.toString());
            assertEquals(List.of("Europe/Oslo"), db.strings("SELECT timezone FROM public.users"), "renamed, so the data is kept");
            assertTrue(push(p, db).out().contains("nothing to do"));
        }
    }

    @Test
    void aStatementFailingMidPushRollsEverythingBackAndIsNamed() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, push(p, db).code());
            db.execute("INSERT INTO public.users (email) VALUES ('no-at-sign')");
            p.write("src/app/db/Users.java", TempProject.USERS.replace("// EXTRA", TIMEZONE).replace(
                    "uniqueIndex(\"users_email_key\").on(email);",
                    "uniqueIndex(\"users_email_key\").on(email);\n        check(\"users_email_has_at\", \"position('@' in email) > 1\");"));

            TempProject.Run run = push(p, db, "--force");
            assertEquals(1, run.code(), run.toString());
            assertTrue(run.err().contains("error: push failed at statement 2 of 2 (add check constraint"), run.toString());
            assertTrue(run.err().contains("\"users_email_has_at\""), run.toString());
            assertTrue(run.err().contains("The transaction was rolled back: the database is unchanged."), run.toString());
            assertEquals(List.of("email", "id"), columns(db, "users"), "the column added before the failure is rolled back");
            assertEquals(List.of(), db.strings("SELECT conname FROM pg_constraint WHERE conname = 'users_email_has_at'"));

            db.execute("UPDATE public.users SET email = 'fixed@example.com'");
            TempProject.Run fixed = push(p, db);
            assertEquals(0, fixed.code(), fixed.toString());
            assertEquals(List.of("email", "id", "timezone"), columns(db, "users"));
        }
    }

    @Test
    void aNewEnumValueUsedInTheSamePushCommitsInItsOwnTransactionFirst() throws Exception {
        TempProject p = TempProject.standard(dir);
        String mood = "public final Column<String> mood = column(\"mood\", Schema.MOOD).notNull().defaultValue(\"%s\");";
        p.write("src/app/db/Schema.java", TempProject.SCHEMA.replace("public static final Users",
                "public static final dev.shale.dsl.PgEnum<String> MOOD = dev.shale.dsl.PgEnum.of(\"mood\", \"calm\", \"happy\");\n"
                        + "    public static final Users"));
        p.usersWith(mood.formatted("calm"));
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, push(p, db).code());
            p.write("src/app/db/Schema.java", p.read("src/app/db/Schema.java").replace("\"happy\");", "\"happy\", \"sad\");"));
            p.usersWith(mood.formatted("sad"));

            TempProject.Run run = push(p, db);
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("-- step 1 of 2, in its own transaction: PostgreSQL cannot use a new enum value"), run.toString());
            assertTrue(run.out().contains("-- step 2 of 2"), run.toString());
            assertTrue(run.out().contains("Applied 2 statements in 2 transactions: step 1 committed first"), run.toString());
            assertEquals(List.of("calm", "happy", "sad"), db.strings("SELECT unnest(enum_range(NULL::public.mood))::text"));
            assertEquals(List.of("'sad'::mood"), db.strings("SELECT column_default FROM information_schema.columns"
                    + " WHERE table_name = 'users' AND column_name = 'mood'"));
            assertTrue(push(p, db).out().contains("nothing to do"));
        }
    }

    @Test
    void objectsTheModelCannotExpressAreNamedAndLeftAlone() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, push(p, db).code());
            db.execute("CREATE FUNCTION public.user_emails(text) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'textlen'");
            TempProject.Run run = push(p, db);
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("\"user_emails\"(text) (LANGUAGE internal) \u2014 left alone"), run.toString());
            assertTrue(run.out().contains("nothing to do"), run.toString());
            assertEquals(List.of("user_emails"), db.strings("SELECT proname FROM pg_proc WHERE proname = 'user_emails'"));
        }
    }

    @Test
    void checkUrlNamesEachDifferenceFromTheNewestSnapshot() throws Exception {
        TempProject repo = new TempProject(REPO);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, repo.run("migrate", "--url", db.url()).code());
            TempProject.Run clean = repo.run("check", "--url", db.url());
            assertEquals(0, clean.code(), clean.toString());
            assertEquals("Database matches snapshots/0002_snapshot.json\n", clean.out(), clean.toString());

            db.execute("DROP INDEX public.applications_created_at_idx");
            db.execute("ALTER TABLE public.users ADD COLUMN nickname text");
            db.execute("ALTER TABLE public.users ALTER COLUMN locale SET DEFAULT 'fr'");
            TempProject.Run drift = repo.run("check", "--url", db.url());
            assertEquals(1, drift.code(), drift.toString());
            String out = drift.out();
            assertTrue(out.contains("has drifted from snapshots/0002_snapshot.json:"), out);
            assertTrue(out.contains("  missing index \"applications_created_at_idx\" on \"public\".\"applications\"\n"), out);
            assertTrue(out.contains("  extra column \"public\".\"users\".\"nickname\" (text)\n"), out);
            assertTrue(out.contains("  different column \"public\".\"users\".\"locale\" (default 'fr' vs 'en'; database vs snapshot)\n"), out);
            assertTrue(out.contains("3 differences."), out);
        }
    }

    @Test
    void codeAgainstAMigratedDatabaseHasNoDifferencesAndPushHasNothingToDo() throws Exception {
        TempProject repo = new TempProject(REPO);
        try (TestDatabase db = TestDatabase.create()) {
            assertEquals(0, repo.run("migrate", "--url", db.url()).code());
            TempProject.Run toDb = repo.run("diff", "--from", "code", "--to", db.url());
            assertEquals(0, toDb.code(), toDb.toString());
            assertEquals("No differences.\n", toDb.out(), toDb.toString());
            TempProject.Run fromDb = repo.run("diff", "--from", db.url(), "--to", "code");
            assertEquals("No differences.\n", fromDb.out(), fromDb.toString());
            TempProject.Run push = repo.run("push", "--url", db.url(), "--dry-run");
            assertEquals("-- Database matches the schema code; nothing to do.\n", push.out(), push.toString());

            db.execute("ALTER TABLE public.users DROP COLUMN locale");
            TempProject.Run diff = repo.run("diff", "--from", db.url(), "--to", "snapshots/0001_snapshot.json");
            assertEquals(0, diff.code(), diff.toString());
            assertTrue(diff.out().contains("ALTER TABLE \"public\".\"users\" ADD COLUMN \"locale\" varchar(10) DEFAULT 'en'"),
                    diff.toString());
        }
    }

    @Test
    void diffBetweenTwoDatabasesPrintsTheSqlTurningOneIntoTheOther() throws Exception {
        TempProject p = TempProject.standard(dir);
        try (TestDatabase empty = TestDatabase.create(); TestDatabase full = TestDatabase.create()) {
            assertEquals(0, push(p, full).code());
            TempProject.Run run = p.run("diff", "--from", empty.url(), "--to", full.url());
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.out().contains("CREATE TABLE \"public\".\"users\""), run.toString());
            assertTrue(run.out().contains("CREATE INDEX \"posts_author_idx\""), run.toString());
            assertEquals(List.of(), tables(empty), "diff changes nothing");
            TempProject.Run same = p.run("diff", "--from", full.url(), "--to", full.url());
            assertEquals("No differences.\n", same.out(), same.toString());
        }
    }

    @Test
    void anUnreachableDatabaseIsExplainedWithoutItsPassword() {
        TempProject p = TempProject.standard(dir);
        TempProject.Run run = p.run("push", "--url", "postgres://app:s3cret@127.0.0.1:1/nowhere");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("could not connect to postgres://app:****@127.0.0.1:1/nowhere: nothing accepts connections on 127.0.0.1 port 1"), run.toString());
        assertFalse(run.toString().contains("s3cret"), run.toString());
    }
}
