package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "It must show" 4 of issue 8: the backend running a migration is ended with {@code pg_terminate_backend}
 * from another connection, in the middle of a transactional file, of a no-transaction file, and of a
 * concurrent index build. The exception names the file and what was left behind, and a rerun (nothing
 * edited) reaches the right end state. The sleeping statement reads its length from a database setting,
 * so the rerun runs the very same file without the wait.
 */
class TerminatedBackendTest {
    private static final String SLEEP = "SELECT pg_sleep(current_setting('shale_test.sleep')::float)";

    @TempDir
    Path dir;

    @Test
    void terminatedInATransactionalFileNothingIsLeftAndTheRerunAppliesIt() throws Exception {
        write(dir, "0001_accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY);\n");
        write(dir, "0002_ledger.sql", "CREATE TABLE ledger (id int PRIMARY KEY, account int NOT NULL);\n"
                + "ALTER TABLE accounts ADD COLUMN balance numeric NOT NULL DEFAULT 0;\n" + SLEEP + ";\n"
                + "CREATE INDEX ledger_account_idx ON ledger (account);\n");
        try (var db = TestDatabase.create()) {
            MigrationException e = terminatedDuringSleep(db);
            assertEquals(dir.resolve("0002_ledger.sql").toString(), e.file());
            assertEquals(3, e.statementIndex());
            assertEquals("57P01", e.sqlState());
            assertEquals(MigrationException.Reason.CONNECTION_LOST, e.reason());
            assertTrue(e.getMessage().startsWith(dir.resolve("0002_ledger.sql") + ", statement 3 (line 3): the connection to the database was lost while it ran: FATAL: terminating connection"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Nothing of this migration was applied (its transaction was rolled back) and it is not"
                    + " recorded"), e.getMessage());
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("accounts", "shale_migrations"), MigratorTest.tables(db), "the transaction was rolled back");

            rerunWithoutTheWait(db);
            assertEquals(List.of("accounts", "ledger", "shale_migrations"), MigratorTest.tables(db));
            assertEquals(List.of("id", "balance"), db.strings("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'accounts' ORDER BY ordinal_position"));
        }
    }

    @Test
    void terminatedInANoTransactionFileTheEarlierStatementsStayAndTheRerunCompletesIt() throws Exception {
        write(dir, "0001_accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, owner int, opened date);\n");
        write(dir, "0002_indexes.sql", "-- shale:no-transaction\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_owner_idx ON accounts (owner);\n" + SLEEP + ";\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_opened_idx ON accounts (opened);\n");
        try (var db = TestDatabase.create()) {
            MigrationException e = terminatedDuringSleep(db);
            assertEquals(dir.resolve("0002_indexes.sql").toString(), e.file());
            assertEquals(2, e.statementIndex());
            assertTrue(e.getMessage().startsWith(dir.resolve("0002_indexes.sql") + ", statement 2 (line 3): the connection to the database was lost while it ran: FATAL: terminating connection"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Statements 1 to 1 of this file ran outside a transaction and stay applied"), e.getMessage());
            assertTrue(e.getMessage().contains("The file is not recorded as applied."), e.getMessage());
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("accounts_owner_idx"), indexes(db));
            assertEquals(List.of("0"), db.strings("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"),
                    "the session lock ended with the session");

            rerunWithoutTheWait(db);
            assertEquals(List.of("accounts_opened_idx", "accounts_owner_idx"), indexes(db));
            assertEquals(List.of("true", "true"), db.strings("SELECT i.indisvalid::text FROM pg_index i JOIN pg_class c"
                    + " ON c.oid = i.indexrelid WHERE c.relname LIKE 'accounts_o%' ORDER BY c.relname"));
        }
    }

    @Test
    void terminatedInAConcurrentBuildTheInvalidLeftoverIsNamedOnTheRerun() throws Exception {
        write(dir, "0001_accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, owner int);\n");
        write(dir, "0002_owner_idx.sql", "-- shale:no-transaction\nCREATE INDEX CONCURRENTLY accounts_owner_idx ON accounts (owner);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            MigrationException e;
            // An open writer keeps the build waiting in its second phase, its index already in the catalog.
            try (Connection writer = db.connect()) {
                writer.setAutoCommit(false);
                try (Statement st = writer.createStatement()) {
                    st.execute("INSERT INTO accounts VALUES (1, 1)");
                }
                e = terminated(db, "CREATE INDEX CONCURRENTLY accounts_owner_idx", () -> builder(db, dir).lockTimeout(Duration.ZERO).build().migrate());
                writer.rollback();
            }
            assertEquals(dir.resolve("0002_owner_idx.sql").toString(), e.file());
            assertTrue(e.getMessage().contains("No earlier statement of this file ran"), e.getMessage());
            assertTrue(e.getMessage().contains("The connection is gone, so whether the failed concurrent build left an INVALID index could"
                    + " not be checked; the next run checks"), e.getMessage());
            assertEquals(List.of("false"), db.strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_owner_idx'::regclass"));

            var refused = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(MigrationException.Reason.INVALID_INDEX, refused.reason());
            assertTrue(refused.getMessage().contains("DROP INDEX CONCURRENTLY IF EXISTS public.accounts_owner_idx;"), refused.getMessage());
            db.execute("DROP INDEX CONCURRENTLY IF EXISTS public.accounts_owner_idx");
            assertEquals(List.of(2), builder(db, dir).build().migrate().applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("true"), db.strings("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_owner_idx'::regclass"));
        }
    }

    /** Runs migrate with a 60 s sleep in the migration and ends its backend during the sleep. */
    private MigrationException terminatedDuringSleep(TestDatabase db) throws Exception {
        db.execute("ALTER DATABASE " + db.name() + " SET shale_test.sleep = '60'");
        builder(db, dir).target(1).build().migrate();
        return terminated(db, "pg_sleep(current_setting", () -> builder(db, dir).build().migrate());
    }

    /** Starts {@code run}, waits until a backend runs a statement containing {@code marker}, terminates it, returns the failure. */
    private static MigrationException terminated(TestDatabase db, String marker, Runnable run) throws Exception {
        CompletableFuture<Void> running = CompletableFuture.runAsync(run);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String find = "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND state = 'active' AND query LIKE '%" + marker.replace("'", "''") + "%'";
        List<String> pids;
        while ((pids = db.strings(find)).isEmpty()) {
            assertFalse(System.nanoTime() > deadline || running.isDone(), "the statement was never seen running");
            Thread.sleep(20);
        }
        Thread.sleep(200); // well inside the statement
        assertEquals(List.of("true"), db.strings("SELECT pg_terminate_backend(" + pids.get(0) + ", 10000)::text"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(MigrationException.class, e.getCause());
    }

    private void rerunWithoutTheWait(TestDatabase db) throws Exception {
        db.execute("ALTER DATABASE " + db.name() + " SET shale_test.sleep = '0'");
        MigrateResult r = builder(db, dir).build().migrate();
        assertEquals(List.of(2), r.applied().stream().map(AppliedMigration::version).toList());
        assertEquals(List.of("1", "2"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
    }

    private static List<String> indexes(TestDatabase db) throws Exception {
        return db.strings("SELECT indexname FROM pg_indexes WHERE tablename = 'accounts' AND indexname <> 'accounts_pkey' ORDER BY 1");
    }
}
