package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failures leave nothing half-applied and say where; locks and timeouts say what was waited on. */
class FailureTest {
    @TempDir
    Path dir;

    @Test
    void failureMidFileRollsBackNamesFileStatementAndLineAndTheFixedFileApplies() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "-- 0002_b\n\nCREATE TABLE b (id int);\n\nINSERT INTO\n  missing_table VALUES (1);\n\nCREATE TABLE b2 (id int);\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.STATEMENT_FAILED, e.reason());
            assertEquals(dir.resolve("0002_b.sql").toString(), e.file());
            assertEquals(2, e.statementIndex());
            assertEquals(5, e.line());
            assertEquals("INSERT INTO", e.statementFirstLine());
            assertEquals("42P01", e.sqlState());
            assertTrue(e.serverMessage().startsWith("ERROR: relation \"missing_table\" does not exist"), e.serverMessage());
            assertTrue(e.getMessage().startsWith(dir.resolve("0002_b.sql") + ", statement 2 (line 5): ERROR: relation \"missing_table\""),
                    e.getMessage());
            assertEquals(List.of("a", "shale_migrations"), MigratorTest.tables(db), "b was rolled back, c never ran");
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations"));

            write(dir, "0002_b.sql", "CREATE TABLE b (id int);\nCREATE TABLE b2 (id int);\n");
            MigrateResult fixed = builder(db, dir).build().migrate();
            assertEquals(List.of(2, 3), fixed.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("a", "b", "b2", "c", "shale_migrations"), MigratorTest.tables(db));
        }
    }

    @Test
    void lockTimeoutNamesTheRelationAndTheHolderAndHowToRetry() throws Exception {
        write(dir, "0001_t.sql", "CREATE TABLE \"public\".\"t\" (id int);\n");
        write(dir, "0002_alter.sql", "ALTER TABLE \"public\".\"t\" ADD COLUMN x int;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            try (Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                int pid = pid(holder);
                try (Statement st = holder.createStatement()) {
                    st.execute("SELECT * FROM \"public\".\"t\"");
                }
                var e = assertThrows(MigrationException.class, () -> builder(db, dir).lockTimeout(Duration.ofMillis(300))
                        .lockRetries(2).lockRetryDelay(Duration.ofMillis(50)).build().migrate());
                assertEquals(Reason.LOCK_TIMEOUT, e.reason());
                assertEquals("55P03", e.sqlState());
                assertTrue(e.getMessage().contains("waited longer than lock_timeout (300 ms) for a lock on \"public\".\"t\""), e.getMessage());
                assertTrue(e.getMessage().contains("held by pid " + pid + " (AccessShareLock on t"), e.getMessage());
                assertTrue(e.getMessage().contains("on each of 3 tries (2 retries, 50 ms and 100 ms apart)"), e.getMessage());
                assertTrue(e.getMessage().contains("raise lockTimeout"), e.getMessage());
                holder.rollback();
            }
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations"));
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
        }
    }

    @Test
    void aLockTimeoutTheFileSetsItselfIsTheOneTheMessageNames() throws Exception {
        write(dir, "0001_t.sql", "CREATE TABLE \"public\".\"t\" (id int);\n");
        write(dir, "0002_alter.sql", "SET LOCAL lock_timeout = '200ms';\nALTER TABLE \"public\".\"t\" ADD COLUMN x int;\n");
        write(dir, "0003_index.sql", "-- shale:no-transaction\nSET lock_timeout = '1s';\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_id_idx ON \"public\".\"t\" (id);\nRESET lock_timeout;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            try (Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                try (Statement st = holder.createStatement()) {
                    st.execute("LOCK TABLE \"public\".\"t\" IN SHARE MODE");
                }
                var e = assertThrows(MigrationException.class, () -> builder(db, dir).lockRetries(0).build().migrate());
                assertEquals(Reason.LOCK_TIMEOUT, e.reason());
                assertTrue(e.getMessage().contains("waited longer than lock_timeout (200 ms)"), e.getMessage());
                holder.rollback();
                builder(db, dir).target(2).build().migrate();
                try (Statement st = holder.createStatement()) {
                    st.execute("LOCK TABLE \"public\".\"t\" IN SHARE ROW EXCLUSIVE MODE");
                }
                e = assertThrows(MigrationException.class, () -> builder(db, dir).lockRetries(0).build().migrate());
                assertTrue(e.getMessage().contains("waited longer than lock_timeout (1 s)"), e.getMessage());
                holder.rollback();
            }
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
        }
    }

    @Test
    void aLockTimeoutIsRetriedAsAWholeAndAppliesOnceTheTableIsFree() throws Exception {
        write(dir, "0001_t.sql", "CREATE TABLE \"public\".\"t\" (id int);\n");
        write(dir, "0002_alter.sql", "CREATE TABLE \"public\".\"audit\" (id int);\nALTER TABLE \"public\".\"t\" ADD COLUMN x int;\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            Connection holder = db.connect();
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("SELECT * FROM \"public\".\"t\"");
            }
            Thread release = new Thread(() -> {
                try (holder) {
                    Thread.sleep(1000);
                    holder.rollback();
                } catch (Exception ignored) {
                    // the assertions below tell
                }
            });
            release.start();
            MigrateResult r = builder(db, dir).lockTimeout(Duration.ofMillis(300)).lockRetries(5).lockRetryDelay(Duration.ofMillis(200))
                    .build().migrate();
            release.join();
            assertEquals(List.of(2), r.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("id", "x"), db.strings("SELECT column_name FROM information_schema.columns WHERE table_name = 't'"
                    + " ORDER BY ordinal_position"));
            assertEquals(List.of("audit", "shale_migrations", "t"), MigratorTest.tables(db), "the earlier statement ran once, on the try that held");
        }
    }

    @Test
    void statementTimeoutStopsALongStatement() throws Exception {
        write(dir, "0001_slow.sql", "CREATE TABLE s (id int);\nSELECT pg_sleep(5);\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class,
                    () -> builder(db, dir).statementTimeout(Duration.ofMillis(200)).build().migrate());
            assertEquals("57014", e.sqlState());
            assertEquals(2, e.statementIndex());
            assertEquals(List.of("shale_migrations"), MigratorTest.tables(db));
        }
    }

    @Test
    void aHeldMigrationLockTimesOutWithWhoHoldsIt() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        try (var db = TestDatabase.create()) {
            try (Connection holder = db.connect(); Statement st = holder.createStatement()) {
                st.execute("SET application_name = 'other-migrator'");
                st.execute("SELECT pg_advisory_lock(" + new HistoryTable("public", "shale_migrations").lockKey() + ")");
                var e = assertThrows(MigrationException.class, () -> builder(db, dir).lockWait(Duration.ofMillis(400)).build().migrate());
                assertEquals(Reason.LOCK_WAIT, e.reason());
                assertTrue(e.getMessage().contains("within 400 ms: it is held by pid " + pid(holder)), e.getMessage());
                assertTrue(e.getMessage().contains("application 'other-migrator'"), e.getMessage());
                assertTrue(e.getMessage().contains("raise lockWait"), e.getMessage());
            }
            assertEquals(List.of(), MigratorTest.tables(db), "nothing was created or applied");
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
        }
    }

    @Test
    void noTransactionFailureKeepsEarlierStatementsAndRecordsNothing() throws Exception {
        write(dir, "0001_a.sql", "-- shale:no-transaction\nCREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY a_idx ON nope (id);\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("Statements 1 to 1 of this file ran outside a transaction and stay applied"), e.getMessage());
            assertEquals(List.of("a", "shale_migrations"), MigratorTest.tables(db));
            assertEquals(List.of(), db.strings("SELECT version FROM shale_migrations"));

            write(dir, "0001_a.sql", "-- shale:no-transaction\nCREATE TABLE IF NOT EXISTS a (id int);\nCREATE INDEX CONCURRENTLY a_idx ON a (id);\n");
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
        }
    }

    @Test
    void concurrentRunnersApplyEachMigrationExactlyOnceEvenUnderRepeatableReadDefaults() throws Exception {
        for (int i = 1; i <= 5; i++) {
            write(dir, String.format("%04d_m%d.sql", i, i), "CREATE TABLE m" + i + " (id int);\nSELECT pg_sleep(0.05);\n");
        }
        try (var db = TestDatabase.create()) {
            // the history re-read after the lock must see other runners' commits even when sessions default to snapshots
            db.execute("ALTER DATABASE " + db.name() + " SET default_transaction_isolation TO 'repeatable read'");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<MigrateResult>> runs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    runs.add(pool.submit(() -> builder(db, dir).build().migrate()));
                }
                int applied = 0;
                for (Future<MigrateResult> run : runs) {
                    MigrateResult r = run.get();
                    applied += r.applied().size();
                    assertEquals(5, r.applied().size() + r.alreadyApplied());
                }
                assertEquals(5, applied, "each migration applied by exactly one runner");
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("1", "2", "3", "4", "5"), db.strings("SELECT version FROM shale_migrations ORDER BY 1"));
        }
    }

    @Test
    void aFileTheSplitterCannotSplitIsRefusedBeforeAnythingRuns() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n  SELECT 1;\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.FILES, e.reason());
            assertEquals(dir.resolve("0002_b.sql").toString(), e.file());
            assertTrue(e.getMessage().startsWith(dir.resolve("0002_b.sql") + ", line 3: "), e.getMessage());
            assertEquals(List.of(), MigratorTest.tables(db), "not even 0001 ran");
        }
    }

    @Test
    void builderRejectsBadInputAtTheCall() {
        assertThrows(IllegalStateException.class, () -> Migrator.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Migrator.builder().lockTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Migrator.builder().url("mysql://localhost/db"));
        assertThrows(IllegalArgumentException.class, () -> Migrator.builder().url("jdbc:postgresql://x/db").build().rollback(0));
    }

    private static int pid(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

}
