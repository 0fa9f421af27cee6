package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files sent to the server in one pipeline (MigrationRunner#pipelined) keep what running them one at a time
 * promises: each its own transaction and history row, told of in order, a failure stopping everything after
 * it, a lock timeout counted as the file's first try, and a server that cannot run the guard getting the
 * files one at a time.
 */
class PipelinedRunTest {
    @TempDir
    Path dir;

    /** 250 files: three pipelines of at most 100; every file its own transaction (its own now()), told of in order. */
    @Test
    void manySmallFilesApplyEachInItsOwnTransactionAndAreToldOfInOrder() throws Exception {
        for (int v = 1; v <= 250; v++) {
            write(dir, String.format("%04d_t%d.sql", v, v), "CREATE TABLE t" + v + " (id int PRIMARY KEY);\nINSERT INTO t" + v + " VALUES (" + v + ");\n");
        }
        try (var db = TestDatabase.create()) {
            List<Integer> told = new ArrayList<>();
            MigrateResult r = builder(db, dir).progress((done, total, m) -> {
                assertEquals(told.size() + 1, done);
                assertEquals(250, total);
                told.add(m.version());
            }).build().migrate();
            List<Integer> all = IntStream.rangeClosed(1, 250).boxed().toList();
            assertEquals(all, told);
            assertEquals(all, r.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("250"), db.strings("SELECT count(DISTINCT applied_at) FROM shale_migrations"),
                    "each file committed in a transaction of its own");
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM shale_migrations WHERE duration_ms < 0 OR applied_by <> current_user"));
            assertEquals(List.of("250"), db.strings("SELECT t250.id FROM t250"));
            for (AppliedMigration row : r.applied()) {
                assertTrue(row.appliedAt() != null, "the row as stored, read back");
            }
            assertEquals(0, builder(db, dir).build().migrate().applied().size());
        }
    }

    /**
     * The point of pipelines: 250 files take a few statements on the client, not three or more per file (the
     * lock and the history's check, the file's statements, the history row), each of them a round trip.
     */
    @Test
    void manySmallFilesTakeAFewStatementsNotSeveralPerFile() throws Exception {
        for (int v = 1; v <= 250; v++) {
            write(dir, String.format("%04d_t%d.sql", v, v), "CREATE TABLE t" + v + " (id int);\n");
        }
        try (var db = TestDatabase.create(); Connection real = db.connect()) {
            int[] statements = {0};
            Connection counting = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("createStatement") || method.getName().equals("prepareStatement")) {
                            statements[0]++;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            assertEquals(250, builder(db, dir).dataSource(TestSupport.keepOpen(counting)).build().migrate().applied().size());
            assertTrue(statements[0] < 40, statements[0] + " statements for 250 files");
        }
    }

    /** A failure in the second of three files: the first stays applied and is told of; the third never runs. */
    @Test
    void aFailingFileStopsThePipelineWithTheFilesBeforeItApplied() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES ('not a number');\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        try (var db = TestDatabase.create()) {
            List<Integer> told = new ArrayList<>();
            var e = assertThrows(MigrationException.class,
                    () -> builder(db, dir).progress((done, total, m) -> told.add(m.version())).build().migrate());
            assertEquals(Reason.STATEMENT_FAILED, e.reason());
            assertEquals(dir.resolve("0002_b.sql").toString(), e.file());
            assertEquals(2, e.statementIndex());
            assertEquals("22P02", e.sqlState());
            assertEquals(List.of(1), told);
            assertEquals(List.of("a", "shale_migrations"), MigratorTest.tables(db), "b rolled back, c never sent on");
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations"));
        }
    }

    /**
     * A lock timeout in a pipelined file counts as its first try: with one retry allowed, the file is tried once
     * more on its own, and the failure says two tries.
     */
    @Test
    void aLockTimeoutInThePipelineIsTheFilesFirstTry() throws Exception {
        write(dir, "0001_t.sql", "CREATE TABLE \"public\".\"t\" (id int);\n");
        write(dir, "0002_u.sql", "CREATE TABLE u (id int);\n");
        write(dir, "0003_alter.sql", "ALTER TABLE \"public\".\"t\" ADD COLUMN x int;\n");
        write(dir, "0004_v.sql", "CREATE TABLE v (id int);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            try (Connection holder = db.connect()) {
                holder.setAutoCommit(false);
                try (Statement st = holder.createStatement()) {
                    st.execute("SELECT * FROM \"public\".\"t\"");
                }
                List<Integer> told = new ArrayList<>();
                var e = assertThrows(MigrationException.class, () -> builder(db, dir).lockTimeout(Duration.ofMillis(300))
                        .lockRetries(1).lockRetryDelay(Duration.ofMillis(50)).progress((done, total, m) -> told.add(m.version()))
                        .build().migrate());
                assertEquals(Reason.LOCK_TIMEOUT, e.reason());
                assertEquals(dir.resolve("0003_alter.sql").toString(), e.file());
                assertTrue(e.getMessage().contains("on each of 2 tries (1 retry, 50 ms after the first)"), e.getMessage());
                assertEquals(List.of(2), told);
                holder.rollback();
            }
            assertEquals(List.of("1", "2"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
            assertEquals(List.of(3, 4), builder(db, dir).build().migrate().applied().stream().map(AppliedMigration::version).toList());
        }
    }

    /** Without PL/pgSQL the guard cannot run: the files are applied one at a time, as before pipelines. */
    @Test
    void withoutPlpgsqlTheFilesRunOneAtATime() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        write(dir, "0003_c.sql", "CREATE TABLE c (id int);\n");
        try (var db = TestDatabase.create()) {
            db.execute("DROP EXTENSION plpgsql");
            MigrateResult r = builder(db, dir).build().migrate();
            assertEquals(List.of(1, 2, 3), r.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("a", "b", "c", "shale_migrations"), MigratorTest.tables(db));
        }
    }

    /** A file whose statement returns rows runs alone between pipelines; every file is applied once, in order. */
    @Test
    void aFileThatReturnsRowsRunsAloneBetweenPipelines() throws Exception {
        write(dir, "0001_a.sql", "CREATE TABLE a (id int);\n");
        write(dir, "0002_b.sql", "CREATE TABLE b (id int);\n");
        write(dir, "0003_check.sql", "SELECT count(*) FROM a;\n");
        write(dir, "0004_c.sql", "CREATE TABLE c (id int);\n");
        write(dir, "0005_d.sql", "CREATE TABLE d (id int);\n");
        try (var db = TestDatabase.create()) {
            List<Integer> told = new ArrayList<>();
            builder(db, dir).progress((done, total, m) -> told.add(m.version())).build().migrate();
            assertEquals(List.of(1, 2, 3, 4, 5), told);
            assertEquals(List.of("1", "2", "3", "4", "5"), db.strings("SELECT version FROM shale_migrations ORDER BY applied_at"));
        }
    }

    /**
     * Which files committed is what the history says when read back, never inferred: when a row the pipeline
     * committed is gone by then (another runner rolled the file back in between), the files from there on are
     * not reported applied, so the caller runs the next one alone, under the lock, after reading the history again.
     */
    @Test
    void aCommittedRowGoneBeforeTheReadBackIsNotReportedApplied() throws Exception {
        try (var db = TestDatabase.create(); Connection c = db.connect()) {
            db.execute("CREATE TABLE log (v int PRIMARY KEY)");
            var runner = new MigrationRunner(null, Duration.ofSeconds(5), Duration.ZERO, LockRetry.DEFAULT);
            List<MigrationRunner.Guarded> files = new ArrayList<>();
            for (int v = 1; v <= 3; v++) {
                files.add(new MigrationRunner.Guarded(new MigrationRunner.Unit("f" + v, MigrationRunner.split("f" + v,
                        "CREATE TABLE t" + v + " (id int);\n"), false, false, null), "DO $$BEGIN END$$", "INSERT INTO log VALUES (" + v + ")"));
            }
            MigrationRunner.Sent sent = runner.pipelined(c, files, (tx, n) -> {
                try (Statement st = tx.createStatement()) {
                    st.execute("DELETE FROM log WHERE v = 2"); // the race, made certain
                }
                List<AppliedMigration> rows = new ArrayList<>();
                for (String v : db.strings("SELECT v FROM log ORDER BY v")) {
                    if (Integer.parseInt(v) != rows.size() + 1 || rows.size() == n) {
                        break;
                    }
                    rows.add(new AppliedMigration(Integer.parseInt(v), "f" + v, "", 1, null, 0, "test"));
                }
                return rows;
            });
            assertEquals(List.of(1), sent.rows().stream().map(AppliedMigration::version).toList());
            assertEquals(null, sent.failure());
            assertEquals(1, sent.nextTry());
            assertEquals(List.of("t1", "t2", "t3"), db.strings("SELECT relname FROM pg_class WHERE relname LIKE 't_' ORDER BY 1"),
                    "all three committed");
        }
    }
}
