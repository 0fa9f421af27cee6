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
 * Runs files (up or down files) against the database under the migration lock, and records the outcome
 * in the history table: in a transaction, or statement by statement in autocommit for a
 * {@code -- shale:no-transaction} file. Retries what {@code lock_timeout} stopped ({@link LockRetry}) and
 * keeps INVALID indexes of failed concurrent builds from being rerun into or recorded
 * ({@link ConcurrentIndexes}). Knows nothing of validation or ordering: the {@link Check} it calls under
 * the lock does.
 */
final class MigrationRunner {
    /** Under the lock, before anything runs: whether to run (false: skip, nothing done); a refusal throws. */
    interface Check {
        /**
         * A query (no parameters) whose result {@link #shouldRun} reads, or null for none. In a transaction it
         * runs in the lock's own exchange (see {@link MigrationLock}), so reading the history under the lock
         * costs no round trip of its own.
         */
        default String read() {
            return null;
        }

        /** @param read the result of {@link #read()} (null when there is none) */
        boolean shouldRun(Connection c, ResultSet read) throws SQLException;
    }

    /** Writes the history after a file ran: in its transaction, or right after its last statement outside one. */
    interface Record {
        /**
         * @param commit whether to commit the transaction right after the write, in the same exchange (the
         *               last write of a transaction; false outside one). A write that cannot leaves it to
         *               the runner, whose commit then finds the transaction still open.
         */
        AppliedMigration write(Connection c, long durationMillis, boolean commit) throws SQLException;
    }

    /**
     * One file to run.
     *
     * @param file the file as displayed, for messages
     * @param statements its statements, split before anything runs
     * @param noTransaction whether it runs statement by statement outside a transaction
     * @param down whether it is a down file (for messages)
     * @param record what to write to the history once it ran
     */
    record Unit(String file, List<SqlStatement> statements, boolean noTransaction, boolean down, Record record) {
        Unit {
            statements = List.copyOf(statements);
        }
    }

    private final MigrationLock lock;
    private final Duration lockTimeout;
    private final Duration statementTimeout;
    private final LockRetry retry;

    MigrationRunner(MigrationLock lock, Duration lockTimeout, Duration statementTimeout, LockRetry retry) {
        this.lock = lock;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
        this.retry = retry;
    }

    /**
     * A file to send in a pipeline with others ({@link #pipelined}): {@code guard} takes the migration lock
     * without waiting and checks the history under it, raising (SQLState P0001) when either fails;
     * {@code record} writes the history row and returns nothing. Its statements all return no rows.
     */
    record Guarded(Unit unit, String guard, String record) {}

    /**
     * The history rows of the first {@code n} files of a pipeline, in order, up to the first that has none
     * (read back once they committed: the server wrote their {@code applied_at} and duration).
     */
    interface Recorded {
        List<AppliedMigration> read(Connection c, int n) throws SQLException;
    }

    /**
     * What became of the files of a pipeline: the rows of those that committed (the first ones, in order);
     * when not all did, the next is to run alone ({@link #run(Connection, Unit, Check, int)}) from try
     * {@code nextTry}, or {@code failure} (not null) ends the run, to be thrown once the committed ones are
     * told of. {@code again}: whether later files may be sent in a pipeline too (false once the server
     * refused the guard itself, PL/pgSQL missing say).
     */
    record Sent(List<AppliedMigration> rows, int nextTry, boolean again, MigrationException failure) {}

    private static final String BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED";
    /** What a guard raises when the lock is taken or the history changed: PL/pgSQL's RAISE EXCEPTION default. */
    private static final String GUARD_REFUSED = "P0001";

    /**
     * Runs files that may each run in a transaction, each in its own, all sent to the server in one batch
     * (BEGIN, the guard, the statements, the history row, COMMIT, for one file after another) so that the
     * server works on one while the next travels: a run of many small files waits for one round trip, not
     * three per file. Each file still takes the migration lock and checks the history in its own
     * transaction, as {@link #run} does, only without waiting: a guard that finds the lock taken or the
     * history changed raises, the server skips the rest, and the caller runs that file alone, which waits
     * and reads the history again. A failing statement fails its file as {@link #run} would report it (its
     * transaction rolled back, nothing after it sent); one that hit {@code lock_timeout} counts as the
     * file's first try. Which files committed is read back from the history table, not inferred.
     */
    Sent pipelined(Connection c, List<Guarded> files, Recorded recorded) {
        List<String> sql = new ArrayList<>();
        int[] starts = new int[files.size()];
        for (int f = 0; f < files.size(); f++) {
            Guarded g = files.get(f);
            starts[f] = sql.size();
            sql.add(BEGIN);
            sql.add(g.guard());
            g.unit().statements().forEach(s -> sql.add(s.sql()));
            sql.add(g.record());
            sql.add("COMMIT");
        }
        String first = files.get(0).unit().file();
        try {
            c.setAutoCommit(true);
            Pipelined.Failure failure = null;
            try (Statement st = sqlStatement(c)) {
                if (!Pipelined.all(st, sql)) {
                    return new Sent(List.of(), 1, false, null);
                }
            } catch (Pipelined.Failure f) {
                failure = f;
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK"); // the failed file's transaction, if the failure left it open
                } catch (SQLException e) {
                    f.getCause().addSuppressed(e);
                }
            }
            // the files before the failing one committed (their COMMIT came first); their rows are this run's,
            // while rows for later versions may be another runner's. Not knowing which failed (pgJDBC did not
            // say), the rows found are all there is to go by.
            int done = failure == null || failure.index() < 0 ? files.size() : fileOf(failure.index(), starts);
            List<AppliedMigration> rows;
            try {
                rows = recorded.read(c, done);
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.getCause().addSuppressed(e);
                throw around(first, failure.getCause());
            }
            int failed = failure == null || failure.index() < 0 ? rows.size() : done;
            if (failure == null || rows.size() < failed) {
                // all committed, or a row of one that did is gone already (another runner's rollback between
                // the COMMIT and the read): the next file runs alone, which reads the history again under the lock
                return new Sent(rows, 1, true, null);
            }
            return failedAfter(rows, failed, failure, files, starts, c);
        } catch (SQLException e) {
            throw around(first, e);
        }
    }

    /** The file whose entries include batch entry {@code entry}. */
    private static int fileOf(int entry, int[] starts) {
        int f = 0;
        while (f + 1 < starts.length && starts[f + 1] <= entry) {
            f++;
        }
        return f;
    }

    /** What the failure of file {@code f}, the first that did not commit, means for it ({@code committed}: those before it). */
    private Sent failedAfter(List<AppliedMigration> committed, int f, Pipelined.Failure failure, List<Guarded> files, int[] starts,
            Connection c) {
        SQLException e = failure.getCause();
        if (f >= files.size()) {
            return new Sent(committed, 1, true, around(files.get(files.size() - 1).unit().file(), e));
        }
        Unit unit = files.get(f).unit();
        int entry = failure.index() < 0 ? -1 : failure.index() - starts[f];
        int statement = entry - 2;
        if (entry == 0 || entry == 1) { // BEGIN or the guard: run the file alone, which waits and checks again
            return new Sent(committed, 1, GUARD_REFUSED.equals(e.getSQLState()), null);
        }
        if (statement < 0 || statement >= unit.statements().size()) { // the history row or COMMIT, or unknown
            return new Sent(committed, 1, true, around(unit.file(), e));
        }
        if (lockTimedOut(e) && retry.allows(1) && retry.pause(1)) {
            return new Sent(committed, 2, true, null);
        }
        return new Sent(committed, 1, true, StatementFailure.of(c, unit.file(), statement + 1, unit.statements().get(statement), e,
                FileLockTimeout.effective(unit.statements(), statement, lockTimeout),
                new StatementFailure.Context(true, unit.down(), 1, retry, List.of(), List.of())));
    }

    /** Runs one file; the recorded row, or null when {@code check} said skip. */
    AppliedMigration run(Connection c, Unit unit, Check check) {
        return run(c, unit, check, 1);
    }

    /**
     * Runs one file, counting its tries from {@code firstTry} (2 when a pipeline's try hit {@code lock_timeout});
     * the recorded row, or null when {@code check} said skip.
     */
    AppliedMigration run(Connection c, Unit unit, Check check, int firstTry) {
        if (!unit.noTransaction()) {
            List<AppliedMigration> rows = inOneTransaction(c, List.of(unit), check, firstTry);
            return rows == null ? null : rows.get(0);
        }
        try {
            return runOutside(c, unit, check);
        } catch (SQLException e) {
            throw around(unit.file(), e);
        }
    }

    /**
     * Runs files that may all run in a transaction, in one transaction holding the migration lock: all of
     * them or none. A lock timeout retries the whole transaction. The recorded rows, or null when
     * {@code check} said skip.
     */
    List<AppliedMigration> inOneTransaction(Connection c, List<Unit> units, Check check) {
        return inOneTransaction(c, units, check, 1);
    }

    private List<AppliedMigration> inOneTransaction(Connection c, List<Unit> units, Check check, int firstTry) {
        String current = units.get(0).file();
        try {
            c.setAutoCommit(false);
            attempts:
            for (int tries = firstTry; ; tries++) {
                try {
                    // first: it starts the transaction (see there); the timeouts are set, and the check's read
                    // is made, in the same exchange
                    if (!lockedAndChecked(c, check)) {
                        c.rollback();
                        return null;
                    }
                    List<AppliedMigration> rows = new ArrayList<>();
                    for (int u = 0; u < units.size(); u++) {
                        Unit unit = units.get(u);
                        current = unit.file();
                        long start = System.nanoTime();
                        try (Statement st = sqlStatement(c)) {
                            Pipelined.run(st, unit.statements().stream().map(SqlStatement::sql).toList());
                        } catch (Pipelined.Failure f) {
                            SQLException e = f.getCause();
                            rollbackQuietly(c, e);
                            if (lockTimedOut(e) && retry.allows(tries) && retry.pause(tries)) {
                                continue attempts;
                            }
                            if (f.index() < 0) {
                                throw around(unit.file(), e);
                            }
                            int i = f.index();
                            List<String> before = units.subList(0, u).stream().map(Unit::file).toList();
                            throw StatementFailure.of(c, unit.file(), i + 1, unit.statements().get(i), e,
                                    FileLockTimeout.effective(unit.statements(), i, lockTimeout),
                                    new StatementFailure.Context(true, unit.down(), tries, retry, before, List.of()));
                        }
                        // the last write commits in its own exchange; c.commit() then has nothing left to do
                        rows.add(unit.record().write(c, (System.nanoTime() - start) / 1_000_000, u == units.size() - 1));
                    }
                    c.commit();
                    return rows;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw around(current, e);
        }
    }

    /**
     * Runs {@code work} in autocommit holding the session-level migration lock, so that nobody else
     * migrates or rolls back in between the transactions {@code work} runs (the runner's own locks in
     * there are taken again by the same session, which always succeeds).
     */
    <T> T underSessionLock(Connection c, SqlWork<T> work) {
        Throwable failure = null;
        try {
            c.setAutoCommit(true);
            lock.acquireForSession(c);
            try {
                return work.run(c);
            } catch (SQLException | RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                release(c, failure);
            }
        } catch (SQLException e) {
            throw MigrationException.of(MigrationException.Reason.DATABASE, null,
                    "database error under the migration lock: " + StatementFailure.serverMessage(e.getMessage()), e);
        }
    }

    /** The statements of a file, split before anything runs; a file that cannot be split is refused by name. */
    static List<SqlStatement> split(String file, String sql) {
        try {
            return SqlSplitter.split(sql);
        } catch (SqlSyntaxException e) {
            throw MigrationException.of(MigrationException.Reason.FILES, file, file + ", line " + e.line() + ": " + e.getMessage()
                    + " Nothing was run.", e);
        }
    }

    /** Runs {@code work} in a transaction holding the migration lock (history table set-up, baseline). */
    <T> T inLockedTransaction(Connection c, SqlWork<T> work) {
        try {
            c.setAutoCommit(false);
            try {
                lock.acquireForTransaction(c);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw MigrationException.of(MigrationException.Reason.DATABASE, null,
                    "database error on the history table: " + StatementFailure.serverMessage(e.getMessage())
                            + " Check that the user may create and write the history table (or configure another one).", e);
        }
    }

    /** Work on a connection. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private AppliedMigration runOutside(Connection c, Unit unit, Check check) throws SQLException {
        c.setAutoCommit(true);
        lock.acquireForSession(c);
        Throwable failure = null;
        try {
            setTimeouts(c, false);
            if (!checked(c, check)) {
                return null;
            }
            List<String> leftovers = ConcurrentIndexes.leftovers(c, unit.statements());
            if (!leftovers.isEmpty()) {
                throw ConcurrentIndexes.leftoverRefusal(unit.file(), leftovers, unit.down());
            }
            long start = System.nanoTime();
            try (Statement st = sqlStatement(c)) {
                for (int i = 0; i < unit.statements().size(); i++) {
                    executeOutside(c, st, unit, i);
                }
            }
            List<String> invalid = ConcurrentIndexes.invalidBuilt(c, unit.statements());
            if (!invalid.isEmpty()) {
                throw ConcurrentIndexes.notRecorded(unit.file(), invalid, unit.down());
            }
            return unit.record().write(c, (System.nanoTime() - start) / 1_000_000, false);
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET lock_timeout");
                st.execute("RESET statement_timeout");
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                    throw e;
                }
                failure.addSuppressed(e);
            } finally {
                release(c, failure);
            }
        }
    }

    /**
     * Takes the transaction-level lock (with the local timeouts) and runs the check, the check's read in the
     * lock's own exchange: whether to run.
     */
    private boolean lockedAndChecked(Connection c, Check check) throws SQLException {
        String read = check.read();
        if (read == null) {
            lock.acquireForTransaction(c, localTimeouts());
            return check.shouldRun(c, null);
        }
        return lock.acquireForTransaction(c, localTimeouts(), read, rs -> check.shouldRun(c, rs));
    }

    /** The check, its read (if any) a query of its own: outside a transaction, under the session lock. */
    private static boolean checked(Connection c, Check check) throws SQLException {
        String read = check.read();
        if (read == null) {
            return check.shouldRun(c, null);
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(read)) {
            return check.shouldRun(c, rs);
        }
    }

    /**
     * Statement {@code i} of a file outside a transaction, tried again after a lock timeout. A concurrent
     * build that timed out may have left its INVALID index (this very statement's): the next try first
     * drops it, since building again would fail with "already exists"; a drop that times out too counts
     * as a failed try.
     */
    private void executeOutside(Connection c, Statement st, Unit unit, int i) {
        SqlStatement s = unit.statements().get(i);
        ConcurrentIndexes.Build build = ConcurrentIndexes.of(s);
        List<String> leftover = List.of();
        for (int tries = 1; ; tries++) {
            List<String> before = List.of();
            try {
                ConcurrentIndexes.drop(c, leftover);
                leftover = List.of();
                before = ConcurrentIndexes.invalid(c, build);
                st.execute(s.sql());
                return;
            } catch (SQLException e) {
                if (leftover.isEmpty()) {
                    List<String> left = new ArrayList<>(ConcurrentIndexes.invalid(c, build));
                    left.removeAll(before);
                    leftover = List.copyOf(left);
                }
                if (lockTimedOut(e) && retry.allows(tries) && retry.pause(tries)) {
                    continue;
                }
                throw StatementFailure.of(c, unit.file(), i + 1, s, e, FileLockTimeout.effective(unit.statements(), i, lockTimeout),
                        new StatementFailure.Context(false, unit.down(), tries, retry, List.of(), leftover));
            }
        }
    }

    /** Releases the session lock in autocommit (a transactional file run under it may have left autocommit off). */
    private void release(Connection c, Throwable failure) throws SQLException {
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            lock.releaseSession(c);
        } catch (SQLException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    private static boolean lockTimedOut(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    private static MigrationException around(String file, SQLException e) {
        return MigrationException.of(MigrationException.Reason.DATABASE, file,
                "database error around " + file + ": " + StatementFailure.serverMessage(e.getMessage()), e);
    }

    /**
     * A statement for migration SQL: files are PostgreSQL, not JDBC escape syntax, so pgJDBC must not
     * rewrite {@code {fn ...}} it believes stands outside a string (its lexer misreads some E'' strings).
     */
    private static Statement sqlStatement(Connection c) throws SQLException {
        Statement st = c.createStatement();
        st.setEscapeProcessing(false);
        return st;
    }

    /** The select-list items that set both timeouts for the transaction, for the lock's query (no parameters). */
    private String localTimeouts() {
        return ", " + timeoutSettings();
    }

    private String timeoutSettings() {
        return "set_config('lock_timeout', '" + lockTimeout.toMillis() + "ms', true), set_config('statement_timeout', '"
                + statementTimeout.toMillis() + "ms', true)";
    }

    /**
     * The guard of a file in a pipeline ({@link Guarded}): the timeouts set for its transaction, the lock taken,
     * and {@code condition} on the history true under it; null when it cannot be written (the file runs alone).
     */
    String guard(String condition) {
        return lock.guard(timeoutSettings(), condition);
    }

    private void setTimeouts(Connection c, boolean local) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('lock_timeout', ?, ?), set_config('statement_timeout', ?, ?)")) {
            ps.setString(1, lockTimeout.toMillis() + "ms");
            ps.setBoolean(2, local);
            ps.setString(3, statementTimeout.toMillis() + "ms");
            ps.setBoolean(4, local);
            ps.execute();
        }
    }

    static void rollbackQuietly(Connection c, Throwable original) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            if (e != original) {
                original.addSuppressed(e);
            }
        }
    }
}
