package dev.shale.migrator;

import dev.shale.migrator.MigrationException.Reason;
import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.shale.migrator.TestSupport.builder;
import static dev.shale.migrator.TestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 4 of issue 8: a failed {@code CREATE INDEX CONCURRENTLY} leaves an INVALID index. It is named in
 * the failure, a rerun that would trip over it is refused, a file is never recorded while an index it
 * builds is invalid, and a lock timeout on a concurrent build is retried after dropping its leftover.
 */
class ConcurrentIndexTest {
    private static final String TABLE = "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n"
            + "INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');\n";

    @TempDir
    Path dir;

    @Test
    void aFailedUniqueBuildIsNamedAndItsRerunRefusedUntilTheLeftoverIsDropped() throws Exception {
        write(dir, "0001_users.sql", TABLE);
        write(dir, "0002_email_key.sql", "-- shale:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");
        try (var db = TestDatabase.create()) {
            var failed = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.STATEMENT_FAILED, failed.reason());
            assertEquals("23505", failed.sqlState());
            assertTrue(failed.getMessage().contains("The failed build left the INVALID index public.users_email_key behind"), failed.getMessage());
            assertTrue(failed.getMessage().contains("drop it with DROP INDEX CONCURRENTLY IF EXISTS public.users_email_key;"), failed.getMessage());
            assertEquals(List.of("false"), valid(db, "users_email_key"));

            // The data is fixed and the file changed as the old advice said (IF NOT EXISTS): that would keep the invalid index.
            db.execute("DELETE FROM users WHERE id = 2");
            write(dir, "0002_email_key.sql", "-- shale:no-transaction\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);\n");
            var refused = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.INVALID_INDEX, refused.reason());
            assertEquals(dir.resolve("0002_email_key.sql").toString(), refused.file());
            assertTrue(refused.getMessage().contains("the index public.users_email_key that its CREATE INDEX CONCURRENTLY builds already"
                    + " exists and is INVALID"), refused.getMessage());
            assertTrue(refused.getMessage().contains("Nothing of this migration was run"), refused.getMessage());
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations ORDER BY version"), "0002 is not recorded");
            db.execute("INSERT INTO users VALUES (3, 'a@example.com')"); // the invalid index enforces nothing
            db.execute("DELETE FROM users WHERE id = 3");

            db.execute("DROP INDEX CONCURRENTLY IF EXISTS public.users_email_key"); // the advice
            assertEquals(List.of(2), builder(db, dir).build().migrate().applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("true"), valid(db, "users_email_key"));
            assertThrows(SQLException.class, () -> db.execute("INSERT INTO users VALUES (3, 'a@example.com')"));
        }
    }

    @Test
    void aFileThatDropsTheLeftoverBeforeBuildingRunsAgain() throws Exception {
        write(dir, "0001_users.sql", TABLE);
        write(dir, "0002_email_key.sql", "-- shale:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");
        try (var db = TestDatabase.create()) {
            assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            db.execute("DELETE FROM users WHERE id = 2");
            write(dir, "0002_email_key.sql", "-- shale:no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS \"users_email_key\";\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY \"users_email_key\" ON \"public\".\"users\" (email);\n");
            assertEquals(1, builder(db, dir).build().migrate().applied().size());
            assertEquals(List.of("true"), valid(db, "users_email_key"));
        }
    }

    @Test
    void aFileIsNeverRecordedWhileAnIndexItBuildsIsInvalid() throws Exception {
        write(dir, "0001_users.sql", TABLE);
        // The index goes invalid after its build succeeded (as a superuser can make it): the check after the file must see it.
        write(dir, "0002_idx.sql", "-- shale:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);\n"
                + "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'users_email_idx'::regclass;\n");
        try (var db = TestDatabase.create()) {
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).build().migrate());
            assertEquals(Reason.INVALID_INDEX, e.reason());
            assertTrue(e.getMessage().contains("every statement ran, but the index public.users_email_idx it builds is INVALID"), e.getMessage());
            assertTrue(e.getMessage().contains("The migration is not recorded as applied"), e.getMessage());
            assertEquals(List.of("1"), db.strings("SELECT version FROM shale_migrations ORDER BY version"));
        }
    }

    @Test
    void aConcurrentBuildThatHitsLockTimeoutIsRetriedAfterItsLeftoverIsDropped() throws Exception {
        write(dir, "0001_users.sql", TABLE);
        write(dir, "0002_idx.sql", "-- shale:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            // A writer's open transaction: the build creates its index, then waits for that transaction and times out.
            CompletableFuture<Void> writer = holdWriteLock(db, Duration.ofMillis(1500));
            MigrateResult r = builder(db, dir).lockTimeout(Duration.ofMillis(400)).lockRetries(5).lockRetryDelay(Duration.ofMillis(300))
                    .build().migrate();
            writer.get(30, TimeUnit.SECONDS);
            assertEquals(List.of(2), r.applied().stream().map(AppliedMigration::version).toList());
            assertEquals(List.of("true"), valid(db, "users_email_idx"), "one index, valid");
        }
    }

    @Test
    void afterTheLastRetryTheMessageCountsTheTriesAndNamesTheLeftover() throws Exception {
        write(dir, "0001_users.sql", TABLE);
        write(dir, "0002_idx.sql", "-- shale:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");
        try (var db = TestDatabase.create()) {
            builder(db, dir).target(1).build().migrate();
            CompletableFuture<Void> writer = holdWriteLock(db, Duration.ofSeconds(8));
            var e = assertThrows(MigrationException.class, () -> builder(db, dir).lockTimeout(Duration.ofMillis(300)).lockRetries(2)
                    .lockRetryDelay(Duration.ofMillis(100)).build().migrate());
            assertEquals(Reason.LOCK_TIMEOUT, e.reason());
            assertTrue(e.getMessage().contains("on each of 3 tries (2 retries, 100 ms and 200 ms apart)"), e.getMessage());
            assertTrue(e.getMessage().contains("The failed build left the INVALID index public.users_email_idx behind"), e.getMessage());
            assertFalse(e.getMessage().contains("already exists"), e.getMessage());
            writer.cancel(true);
        }
    }

    /** A transaction that inserted into users and stays open for {@code time}, started before this returns. */
    private static CompletableFuture<Void> holdWriteLock(TestDatabase db, Duration time) throws Exception {
        Connection c = db.connect();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO users VALUES (100, 'writer@example.com')");
        }
        return CompletableFuture.runAsync(() -> {
            try (c) {
                Thread.sleep(time.toMillis());
                c.rollback();
            } catch (Exception ignored) {
                // the test's own cleanup
            }
        });
    }

    private static List<String> valid(TestDatabase db, String index) throws Exception {
        return db.strings("SELECT indisvalid::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '" + index + "'");
    }
}
