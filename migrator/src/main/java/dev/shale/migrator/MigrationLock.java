package dev.shale.migrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL advisory lock that makes runners of one history table take turns. In a transaction it
 * is {@code pg_advisory_xact_lock}'s non-blocking form, polled until {@code lockWait}: it ends with the
 * transaction, so it holds behind a transaction-pooling PgBouncer and cannot leak. For files that run
 * outside a transaction it is the session-level form, released explicitly (see {@link Migrator}).
 *
 * @param key the lock key ({@link HistoryTable#lockKey()})
 * @param history the history table, for messages
 * @param maxWait how long to wait before giving up
 */
record MigrationLock(long key, HistoryTable history, Duration maxWait) {
    /**
     * Takes the transaction-level lock as the first statement of a new READ COMMITTED transaction on
     * {@code c} (autocommit off, nothing run in it yet), waiting up to {@link #maxWait}. A failed try ends
     * its transaction before the pause, so a waiter never sits in an open transaction: a
     * {@code CREATE INDEX CONCURRENTLY} run by the holder outside a transaction waits for every
     * transaction older than its snapshot, and a waiter whose transaction stayed open would deadlock with
     * it (unseen by the deadlock detector, since a polling waiter is not blocked on a lock) until
     * {@code lock_timeout} fired. READ COMMITTED, whatever {@code default_transaction_isolation} says, so
     * that the history re-read after the lock sees the rows another runner committed meanwhile.
     */
    void acquireForTransaction(Connection c) throws SQLException {
        acquireForTransaction(c, "");
    }

    /**
     * {@link #acquireForTransaction(Connection)}, also evaluating {@code alsoSelect} (more items of the
     * lock's select list, e.g. {@code , set_config(...)}, written into the text: no parameters) in the same
     * exchange. A try that does not get the lock rolls back, and what {@code alsoSelect} set with it.
     */
    void acquireForTransaction(Connection c, String alsoSelect) throws SQLException {
        acquireForTransaction(c, alsoSelect, null, rs -> null);
    }

    /**
     * {@link #acquireForTransaction(Connection, String)}, and then, still in the same exchange, the query
     * {@code thenRead} (no parameters; null for none): what {@code reader} makes of its result is returned.
     * It is a statement of its own after the lock's, so under READ COMMITTED it sees every row committed
     * before the lock was granted, which a read in the lock's own statement would not. On a try that does
     * not get the lock, its result is dropped with the rest of that try.
     */
    <T> T acquireForTransaction(Connection c, String alsoSelect, String thenRead, Reader<T> reader) throws SQLException {
        String tryOnce = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; SELECT pg_try_advisory_xact_lock(" + key + ")" + alsoSelect
                + (thenRead == null ? "" : "; " + thenRead);
        List<T> read = new ArrayList<>(1);
        try (Statement st = c.createStatement()) {
            acquire(c, () -> lockedInOne(st, tryOnce, thenRead == null ? null : rs -> read.add(reader.read(rs))), true);
        }
        return read.isEmpty() ? null : read.get(0);
    }

    /** What a caller makes of the result of the read that follows the lock. */
    /**
     * A statement for a pipeline of transactions ({@link MigrationRunner#pipelined}): in the transaction it runs
     * in, it applies {@code settings} (a list of {@code set_config} calls), takes the lock without waiting,
     * then evaluates {@code condition} (a boolean SQL expression) on a snapshot taken after the lock, as the
     * separate statements of {@link #acquireForTransaction(Connection, String, String, Reader)} do; it raises
     * (SQLState P0001) when the lock is taken or the condition is false. Null when the block's quote tag
     * occurs in them, so that it cannot be quoted (the caller then runs files alone).
     */
    String guard(String settings, String condition) {
        String tag = "$shale_guard$";
        if (settings.contains(tag) || condition.contains(tag)) {
            return null;
        }
        return "DO " + tag + "BEGIN PERFORM " + settings + ";"
                + " IF NOT pg_try_advisory_xact_lock(" + key + ") THEN RAISE EXCEPTION 'shale: the migration lock is taken'; END IF;"
                + " IF NOT " + condition + " THEN RAISE EXCEPTION 'shale: the history changed since this run read it'; END IF;"
                + " END" + tag;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Takes the session-level lock on {@code c}; release it with {@link #releaseSession}. A session lock
     * belongs to one server connection: behind a transaction-pooling pooler the next statement may run on
     * another, where the lock is not held and nothing stops a second runner. That is checked here (the
     * lock must be visible as this backend's own) and refused, naming the pooler.
     */
    void acquireForSession(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            acquire(c, () -> locked(ps), false);
        }
        if (!heldHere(c)) {
            throw pooled("just took it, but the next statement ran on a server connection that does not hold it");
        }
    }

    void releaseSession(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !rs.getBoolean(1)) {
                    throw pooled("could not release it: the server connection the release ran on did not hold it, so it stays"
                            + " held by another one until the pooler closes that");
                }
            }
        }
    }

    /** Whether this backend holds the session-level migration lock. */
    private boolean heldHere(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory'"
                + " AND granted AND pid = pg_backend_pid() AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private MigrationException pooled(String what) {
        return MigrationException.of(MigrationException.Reason.DATABASE, null, "the session-level migration lock on " + history
                + " (advisory lock " + key + ") that files outside a transaction (-- shale:no-transaction) run under: Shale "
                + what + ". This happens behind a transaction-pooling connection pooler (PgBouncer in transaction mode,"
                + " Supabase's transaction port 6543). Run such migrations through the direct (not pooled) database URL.");
    }

    /** One try at the lock: whether it was granted. */
    private interface Try {
        boolean locked() throws SQLException;
    }

    /**
     * Tries until granted or {@link #maxWait} passed, pausing 20 ms, then twice as long each time up to 500 ms.
     * With {@code transactionPerTry}, a try that fails rolls its transaction back before the pause.
     */
    private void acquire(Connection c, Try once, boolean transactionPerTry) throws SQLException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long pause = 20;
        while (true) {
            if (once.locked()) {
                return;
            }
            if (transactionPerTry) {
                c.rollback();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw timedOut(c);
            }
            try {
                Thread.sleep(Math.min(pause, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MigrationException.of(MigrationException.Reason.LOCK_WAIT, null,
                        "interrupted while waiting for the migration lock on " + history + "; nothing was applied by this wait.");
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    private static boolean locked(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** What is done with the read after the lock, when the lock was granted. */
    private interface Then {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Runs "SET TRANSACTION ...; SELECT pg_try_...(key) ...[; read]" in one exchange (pgJDBC sends the
     * statements in one message batch and reads all replies) and reads the second result, the lock's, then,
     * when granted, hands the third to {@code then}.
     */
    private static boolean lockedInOne(Statement st, String sql, Then then) throws SQLException {
        st.execute(sql);
        boolean locked;
        try (ResultSet rs = nextResultSet(st, sql)) {
            rs.next();
            locked = rs.getBoolean(1);
        }
        if (locked && then != null) {
            try (ResultSet rs = nextResultSet(st, sql)) {
                then.accept(rs);
            }
        }
        return locked;
    }

    private static ResultSet nextResultSet(Statement st, String sql) throws SQLException {
        while (!st.getMoreResults()) {
            if (st.getUpdateCount() == -1) {
                throw new SQLException("missing result from the migration lock query: " + sql);
            }
        }
        return st.getResultSet();
    }

    private MigrationException timedOut(Connection c) {
        String holders = holders(c);
        return MigrationException.of(MigrationException.Reason.LOCK_WAIT, null, "could not take the migration lock for "
                + history + " (advisory lock " + key + ") within " + seconds(maxWait) + ": "
                + (holders.isEmpty() ? "another session holds it (not visible to this user in pg_locks)" : "it is held by " + holders)
                + ". Another migrate is probably running: let it finish and run again (it will skip what it applied), "
                + "or raise lockWait. If that session is stuck, end it with SELECT pg_terminate_backend(<pid>).");
    }

    /** Who holds the lock, as far as pg_locks and pg_stat_activity show. */
    private String holders(Connection c) {
        String sql = "SELECT l.pid, a.usename, a.application_name, a.client_addr::text, a.state, a.xact_start::text"
                + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.pid <> pg_backend_pid() ORDER BY l.pid";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application '" + rs.getString(3) + "'"
                            + (rs.getString(4) == null ? "" : ", from " + rs.getString(4)) + ", " + rs.getString(5)
                            + (rs.getString(6) == null ? "" : ", transaction started " + rs.getString(6)) + ")");
                }
            }
        } catch (SQLException e) {
            return "";
        }
        return String.join(", ", out);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
