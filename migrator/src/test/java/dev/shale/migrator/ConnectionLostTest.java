package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The backend is terminated ({@code pg_terminate_backend}, as a server stop or a failover does) while a
 * statement of a migration runs: the failure names the file and says the connection was lost, not that
 * the file is wrong, and a rerun finishes the job.
 */
class ConnectionLostTest {
    @TempDir
    Path dir;

    @Test
    void inATransactionalMigration() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_slow.sql", "CREATE TABLE b (id int);\nSELECT pg_sleep(30);\nCREATE TABLE c (id int);\n");
        try (TestDatabase db = TestDatabase.create()) {
            MigrationException e = migrateWhileTerminated(db);
            assertLost(e, dir.resolve("0002_slow.sql"), 2, 2);
            assertTrue(e.getMessage().contains("Nothing of this migration was applied"), e.getMessage());
            assertEquals(List.of("1"), db.strings("SELECT version::text FROM shale_migrations"));
            assertEquals(List.of(), db.strings("SELECT relname::text FROM pg_class WHERE relname IN ('b', 'c')"));
            write(dir, "0002_slow.sql", "CREATE TABLE b (id int);\nSELECT pg_sleep(0);\nCREATE TABLE c (id int);\n");
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
        }
    }

    @Test
    void inAMigrationOutsideATransaction() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_slow.sql", "-- shale:no-transaction\nCREATE TABLE IF NOT EXISTS b (id int);\nSELECT pg_sleep(30);\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\n");
        try (TestDatabase db = TestDatabase.create()) {
            MigrationException e = migrateWhileTerminated(db);
            assertLost(e, dir.resolve("0002_slow.sql"), 2, 3);
            assertTrue(e.getMessage().contains("Statements 1 to 1 of this file ran outside a transaction and stay applied"), e.getMessage());
            assertEquals(List.of("1"), db.strings("SELECT version::text FROM shale_migrations"));
            write(dir, "0002_slow.sql", "-- shale:no-transaction\nCREATE TABLE IF NOT EXISTS b (id int);\nSELECT pg_sleep(0);\n"
                    + "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\n");
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
            assertEquals(List.of("a_id", "b"), db.strings("SELECT relname::text FROM pg_class WHERE relname IN ('a_id', 'b') ORDER BY 1"));
        }
    }

    private static void assertLost(MigrationException e, Path file, int statement, int line) {
        assertEquals(MigrationException.Reason.CONNECTION_LOST, e.reason(), e.getMessage());
        assertEquals(file.toString(), e.file());
        assertEquals(statement, e.statementIndex());
        assertTrue(e.getMessage().startsWith(file + ", statement " + statement + " (line " + line + "): the connection to the database was lost while it"
                + " ran: FATAL: terminating connection due to administrator command"), e.getMessage());
        assertTrue(e.getMessage().contains("The file is not at fault: run again once the database accepts connections"), e.getMessage());
        assertFalse(e.getMessage().contains("Fix the file"), e.getMessage());
        assertFalse(e.getMessage().contains("could not connect"), e.getMessage());
    }

    /** Runs migrate, terminates the backend that sleeps in it, and returns migrate's failure. */
    private MigrationException migrateWhileTerminated(TestDatabase db) throws Exception {
        CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> builder(db, dir).build().migrate());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> killed = List.of();
        while (killed.isEmpty() && System.nanoTime() < deadline && !run.isDone()) {
            Thread.sleep(50);
            killed = db.strings("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND query LIKE 'SELECT pg_sleep(30)%'");
        }
        assertEquals(List.of("true"), killed, "the sleeping backend was found and terminated");
        try {
            run.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof MigrationException m) {
                return m;
            }
            throw e;
        }
        return fail("migrate succeeded although its backend was terminated");
    }
}
