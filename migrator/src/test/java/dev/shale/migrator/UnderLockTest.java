package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * The checks that count are the ones made under the migration lock, on the history read there: the test
 * holds the lock, lets a runner validate and queue behind it, changes the history as another runner
 * would, and releases the lock. (The process-level races are in {@code process.RaceTest}.)
 */
class UnderLockTest {
    private static final long LOCK_KEY = new HistoryTable("public", "shale_migrations").lockKey();

    @TempDir
    Path dir;

    @Test
    void aRunnerThatFellBehindWhileWaitingForTheLockRefusesItsFileAsOutOfOrder() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            write(dir, "0003_branch.sql", "CREATE TABLE branch (id int);\n");
            MigrationException e = whileLocked(db, () -> builder(db, dir).build().migrate(),
                    // another branch's runner applies 0004 while this one waits
                    "CREATE TABLE other (id int)",
                    "INSERT INTO shale_migrations (version, name, checksum, checksum_version, duration_ms) VALUES (4, 'other', 'x', 1, 0)");
            assertEquals(Reason.OUT_OF_ORDER, e.reason(), e.getMessage());
            assertEquals(dir.resolve("0003_branch.sql").toString(), e.file());
            assertTrue(e.getMessage().contains(dir.resolve("0003_branch.sql") + " is not applied but is numbered below the newest applied"
                    + " migration " + dir.resolve("0004_other.sql")), e.getMessage());
            assertTrue(e.getMessage().contains(dir.resolve("0004_other.sql") + " is missing"), e.getMessage());
            assertTrue(e.getMessage().contains("meanwhile another runner applied 0004_other"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing was applied"), e.getMessage());
            assertEquals(List.of("1", "2", "4"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("a", "b", "other", "shale_migrations"), MigratorTest.tables(db), "0003 did not run");
        }
    }

    @Test
    void aFileAppliedMeanwhileWithOtherContentIsRefusedAsChanged() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
            MigrationException e = whileLocked(db, () -> builder(db, dir).build().migrate(),
                    // another runner applies its own, different, 0002_b
                    "CREATE TABLE b (id bigint)",
                    "INSERT INTO shale_migrations (version, name, checksum, checksum_version, duration_ms) VALUES (2, 'b', 'other', 1, 0)");
            assertEquals(Reason.CHANGED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(dir.resolve("0002_b.sql") + " has changed since it was applied"), e.getMessage());
        }
    }

    @Test
    void aRollbackPlannedBeforeAMigrateRefusesAndUndoesNothing() throws Exception {
        for (int v = 1; v <= 4; v++) {
            write(dir, "000" + v + "_t" + v + ".sql", "CREATE TABLE t" + v + " (id int);\n");
            write(dir, "000" + v + "_t" + v + ".down.sql", "DROP TABLE t" + v + ";\n");
        }
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(2).build().migrate();
            RollbackPlan plan = builder(db, dir).build().rollbackPlan(2);
            assertEquals(List.of(2, 1), plan.steps().stream().map(s -> s.applied().version()).toList());
            builder(db, dir).build().migrate(); // another operator migrates in between

            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().rollback(plan));
            assertEquals(Reason.HISTORY_CHANGED, e.reason());
            assertTrue(e.getMessage().contains("It was to undo 0002_t2, 0001_t1, the newest 2 migrations applied then; now the newest"
                    + " are 0004_t4, 0003_t3"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing was rolled back"), e.getMessage());
            assertEquals(List.of("1", "2", "3", "4"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("shale_migrations", "t1", "t2", "t3", "t4"), MigratorTest.tables(db));
        }
    }

    @Test
    void aRollbackRunsAllItsDownFilesOrNone() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0001_a.down.sql", "DROP TABLE a;\nDROP TABLE does_not_exist;\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        write(dir, "0002_b.down.sql", "DROP TABLE b;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().rollback(2));
            assertEquals(dir.resolve("0001_a.down.sql").toString(), e.file());
            assertTrue(e.getMessage().contains("Nothing was rolled back: the down files of this rollback run in one transaction, and"
                    + " rolling it back also undid " + dir.resolve("0002_b.down.sql") + "; the history rows are kept."), e.getMessage());
            assertEquals(List.of("1", "2"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of("a", "b", "shale_migrations"), MigratorTest.tables(db), "0002's down file was undone with it");
        }
    }

    @Test
    void aRollbackWithADownFileOutsideATransactionHoldsTheLockThroughout() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0001_a.down.sql", "DROP TABLE a;\n");
        write(dir, "0002_idx.sql", "-- shale:no-transaction\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\n");
        write(dir, "0002_idx.down.sql", "-- shale:no-transaction\nDROP INDEX CONCURRENTLY a_idx;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).build().migrate();
            MigrateResult r = builder(db, dir).build().rollback(2);
            assertEquals(List.of(2, 1), r.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("shale_migrations"), MigratorTest.tables(db));
            assertEquals(List.of("0"), db.strings("SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory'"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"), "the lock is released");
        }
    }

    /**
     * Holds the migration lock, starts {@code run} in another thread, waits until it polls for the lock,
     * runs {@code meanwhile} (as another runner would, lock held), releases the lock, and returns the
     * exception {@code run} ended with.
     */
    private static MigrationException whileLocked(TestDatabase db, Runnable run, String... meanwhile) throws Exception {
        CompletableFuture<Void> started;
        try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
            started = CompletableFuture.runAsync(run);
            awaitPolling(db);
            for (String sql : meanwhile) {
                st.execute(sql);
            }
            st.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> started.get(30, TimeUnit.SECONDS));
        return assertInstanceOf(MigrationException.class, e.getCause());
    }

    /**
     * Until another session polls for the advisory lock (it read the history before): its last statement is
     * the lock try, the ROLLBACK after a failed one, or the SET TRANSACTION before the next.
     */
    private static void awaitPolling(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db.strings("SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                + " AND (query LIKE 'SELECT pg_try_advisory%' OR query = 'ROLLBACK' OR query LIKE 'SET TRANSACTION%')").equals(List.of("0"))) {
            assertFalse(System.nanoTime() > deadline, "the runner never tried the lock");
            Thread.sleep(20);
        }
    }
}
