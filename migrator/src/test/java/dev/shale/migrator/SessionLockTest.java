package dev.shale.migrator;

import dev.shale.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session-level migration lock (files outside a transaction) belongs to one server connection. Behind
 * a transaction pooler a release can run on a server connection that never took it, leaving the lock
 * held elsewhere; Shale says so, naming the pooler, instead of returning as if all were well.
 */
class SessionLockTest {
    @Test
    void releasingALockThisServerConnectionDoesNotHoldIsRefusedNamingThePooler() throws Exception {
        HistoryTable history = new HistoryTable("public", "shale_migrations");
        MigrationLock lock = new MigrationLock(history.lockKey(), history, Duration.ofSeconds(5));
        try (TestDatabase db = TestDatabase.create(); Connection holder = db.connect(); Connection other = db.connect()) {
            lock.acquireForSession(holder);
            assertEquals(List.of("1"), db.strings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
            // what a transaction pooler does: the release lands on another server connection
            MigrationException e = assertThrows(MigrationException.class, () -> lock.releaseSession(other));
            assertTrue(e.getMessage().contains("transaction-pooling connection pooler"), e.getMessage());
            assertTrue(e.getMessage().contains("direct (not pooled) database URL"), e.getMessage());
            lock.releaseSession(holder);
            assertEquals(List.of("0"), db.strings("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"));
        }
    }
}
