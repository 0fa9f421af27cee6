package dev.shale.migrator.process;

import dev.shale.migrator.AppliedMigration;
import dev.shale.migrator.MigrateResult;
import dev.shale.migrator.Migrator;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A migrate process killed with SIGKILL in the middle of a long migration: the migration's transaction
 * dies with it, so there is no history row and none of its DDL, and the next run applies it cleanly.
 */
class CrashMigrateTest {
    /** The statement the child is killed in; unique, so that pg_stat_activity finds exactly it. */
    private static final String LONG_STATEMENT = "SELECT pg_sleep(30)";
    private static final Duration CHILD_START_LIMIT = Duration.ofSeconds(90);
    /** How long the server may take to notice the dead client before the test ends its backend itself. */
    private static final Duration BACKEND_GONE_LIMIT = Duration.ofSeconds(15);

    @Test
    void killedMidMigrationLeavesNoTraceAndTheNextRunAppliesIt(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("0001_create_accounts.sql"), """
                CREATE TABLE "public"."accounts" ("id" integer PRIMARY KEY);
                """);
        Path second = migrations.resolve("0002_create_ledger.sql");
        Files.writeString(second, """
                CREATE TABLE "public"."ledger" ("id" integer PRIMARY KEY, "account_id" integer NOT NULL);
                CREATE INDEX "ledger_account_idx" ON "public"."ledger" ("account_id");
                ALTER TABLE "public"."accounts" ADD COLUMN "balance" numeric NOT NULL DEFAULT 0;
                %s;
                """.formatted(LONG_STATEMENT));

        try (TestDatabase db = TestDatabase.create()) {
            // client_connection_check_interval (PostgreSQL 14+) makes the server poll the client socket
            // while a query runs, so the backend notices the SIGKILLed client within half a second
            // instead of at the end of the 30 s sleep. It changes when the server notices, not what it
            // does then: abort the query and roll its transaction back, as for any lost connection.
            String url = db.url() + (db.url().contains("?") ? "&" : "?")
                    + "options=-c%20client_connection_check_interval%3D500";
            ChildJvm child = ChildJvm.start(dir.resolve("logs"), "crash", url, migrations.toString());
            long backend;
            try {
                backend = awaitLongStatement(db, child);

                // Mid-flight: migration 1 is committed; migration 2's DDL is invisible to everyone else.
                assertEquals(List.of("1"), db.strings("SELECT version::text AS v FROM public.shale_migrations ORDER BY version"));
                assertEquals(List.of("none"), db.strings("SELECT coalesce(to_regclass('\"public\".\"ledger\"')::text, 'none')"));

                long pid = child.pid();
                child.process().destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback from the client
                assertTrue(child.process().waitFor(10, TimeUnit.SECONDS), "the killed child did not exit");
                assertEquals(137, child.process().exitValue(), () -> "expected death by SIGKILL (128 + 9): " + child.describe());
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                assertFalse(handle.isPresent() && handle.get().isAlive(), "process " + pid + " is still alive after SIGKILL");
                assertFalse(child.out().contains(MigrateChild.RESULT_PREFIX), () -> "the child finished before it was killed: " + child.describe());
            } finally {
                child.kill();
            }

            awaitBackendGone(db, backend);

            // No history row for the killed migration, and nothing of what it did.
            assertEquals(List.of("1"), db.strings("SELECT version::text AS v FROM public.shale_migrations ORDER BY version"));
            assertEquals(List.of("none"), db.strings("SELECT coalesce(to_regclass('\"public\".\"ledger\"')::text, 'none')"));
            assertEquals(List.of("none"), db.strings("SELECT coalesce(to_regclass('\"public\".\"ledger_account_idx\"')::text, 'none')"));
            assertEquals(List.of("id"), db.strings("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name = 'accounts' ORDER BY ordinal_position"""));

            // Fix the file (drop the sleep) and run again: migration 2 applies cleanly, once.
            Files.writeString(second, Files.readString(second).replace(LONG_STATEMENT + ";\n", ""));
            MigrateResult result = Migrator.builder().url(db.url()).location(migrations).build().migrate();
            assertEquals(List.of(2), result.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(1, result.alreadyApplied());
            assertEquals(List.of("1", "2"), db.strings("SELECT version::text AS v FROM public.shale_migrations ORDER BY version"));
            assertEquals(List.of("id", "balance"), db.strings("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name = 'accounts' ORDER BY ordinal_position"""));
            assertEquals(List.of("ledger_account_idx"), db.strings("""
                    SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'ledger'
                       AND indexname NOT LIKE '%pkey'"""));
        }
    }

    /** Polls pg_stat_activity until the child's backend is running the long statement; returns its pid. */
    private static long awaitLongStatement(TestDatabase db, ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + CHILD_START_LIMIT.toNanos();
        while (true) {
            List<String> pids = db.strings("""
                    SELECT pid::text FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()
                       AND state = 'active' AND query LIKE '%%%s%%'""".formatted(LONG_STATEMENT));
            if (pids.size() == 1) {
                return Long.parseLong(pids.get(0));
            }
            assertTrue(pids.size() <= 1, () -> "more than one backend runs the statement: " + pids);
            if (!child.process().isAlive()) {
                fail("the child ended before running the long statement: " + child.describe());
            }
            if (System.nanoTime() > deadline) {
                fail("the long statement was not seen running within " + CHILD_START_LIMIT + ": " + child.describe());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Waits for the dead client's backend to end (its transaction rolled back). The server notices the
     * lost client at its next socket check; should that take longer than {@link #BACKEND_GONE_LIMIT}
     * (a server without client_connection_check_interval), the test ends the backend with
     * pg_terminate_backend, which rolls back just the same, and says so on stderr.
     */
    private static void awaitBackendGone(TestDatabase db, long backend) throws Exception {
        String alive = "SELECT count(*)::text FROM pg_stat_activity WHERE pid = " + backend;
        long deadline = System.nanoTime() + BACKEND_GONE_LIMIT.toNanos();
        boolean terminated = false;
        while (!db.strings(alive).equals(List.of("0"))) {
            if (System.nanoTime() > deadline) {
                if (terminated) {
                    fail("backend " + backend + " of the killed child is still there after pg_terminate_backend");
                }
                System.err.println("CrashMigrateTest: backend " + backend + " outlived its killed client by "
                        + BACKEND_GONE_LIMIT + "; terminating it");
                db.strings("SELECT pg_terminate_backend(" + backend + ", 10000)::text");
                terminated = true;
                deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            }
            Thread.sleep(50);
        }
    }
}
