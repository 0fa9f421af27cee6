package dev.shale.migrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs one file (an up or a down file) against the database under the migration lock, and records the
 * outcome in the history table: in one transaction, or statement by statement in autocommit for a
 * {@code -- shale:no-transaction} file. Knows nothing of validation or ordering; {@link Migrator} does.
 */
final class MigrationRunner {
    /** What to check under the lock before running (false: skip the file) and what to record after it ran. */
    interface Bookkeeping {
        boolean shouldRun(Connection c) throws SQLException;

        AppliedMigration record(Connection c, long durationMillis) throws SQLException;
    }

    private final MigrationLock lock;
    private final Duration lockTimeout;
    private final Duration statementTimeout;

    MigrationRunner(MigrationLock lock, Duration lockTimeout, Duration statementTimeout) {
        this.lock = lock;
        this.lockTimeout = lockTimeout;
        this.statementTimeout = statementTimeout;
    }

    /** Runs the statements of {@code file}; the recorded row, or null when {@code shouldRun} said skip. */
    AppliedMigration run(Connection c, String file, List<SqlStatement> statements, boolean noTransaction, boolean down,
                         Bookkeeping books) {
        try {
            return noTransaction ? runOutside(c, file, statements, down, books) : runInside(c, file, statements, down, books);
        } catch (SQLException e) {
            throw MigrationException.of(MigrationException.Reason.DATABASE, file,
                    "database error around " + file + ": " + StatementFailure.serverMessage(e.getMessage()), e);
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

    private AppliedMigration runInside(Connection c, String file, List<SqlStatement> statements, boolean down, Bookkeeping books)
            throws SQLException {
        c.setAutoCommit(false);
        try {
            lock.acquireForTransaction(c); // first: it starts the transaction (see there)
            setTimeouts(c, true);
            if (!books.shouldRun(c)) {
                c.rollback();
                return null;
            }
            long start = System.nanoTime();
            try (Statement st = sqlStatement(c)) {
                for (int i = 0; i < statements.size(); i++) {
                    try {
                        st.execute(statements.get(i).sql());
                    } catch (SQLException e) {
                        rollbackQuietly(c, e);
                        throw StatementFailure.of(c, file, i + 1, statements.get(i), e, lockTimeout, new StatementFailure.Context(true, down, 1, LockRetry.DEFAULT, List.of(), List.of()));
                    }
                }
            }
            AppliedMigration row = books.record(c, (System.nanoTime() - start) / 1_000_000);
            c.commit();
            return row;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        }
    }

    private AppliedMigration runOutside(Connection c, String file, List<SqlStatement> statements, boolean down, Bookkeeping books)
            throws SQLException {
        c.setAutoCommit(true);
        lock.acquireForSession(c);
        Throwable failure = null;
        try {
            setTimeouts(c, false);
            if (!books.shouldRun(c)) {
                return null;
            }
            long start = System.nanoTime();
            try (Statement st = sqlStatement(c)) {
                for (int i = 0; i < statements.size(); i++) {
                    try {
                        st.execute(statements.get(i).sql());
                    } catch (SQLException e) {
                        throw StatementFailure.of(c, file, i + 1, statements.get(i), e, lockTimeout, new StatementFailure.Context(false, down, 1, LockRetry.DEFAULT, List.of(), List.of()));
                    }
                }
            }
            return books.record(c, (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET lock_timeout");
                st.execute("RESET statement_timeout");
                lock.releaseSession(c);
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    throw e;
                }
            }
        }
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
