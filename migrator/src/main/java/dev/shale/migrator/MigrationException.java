package dev.shale.migrator;

/**
 * Why a migrate, rollback or baseline run stopped: the one exception the migrator throws. The message is
 * a paragraph for people (what failed, where, what to do); the fields are for programs (the CLI maps
 * {@link #reason()} to an exit code). A failed statement reads
 * {@code migrations/0003_x.sql, statement 2 (line 14): ERROR: ...}. No message ever holds a password.
 */
public final class MigrationException extends RuntimeException {
    /** What kind of failure this is. */
    public enum Reason {
        /** A statement failed; its migration's transaction was rolled back. */
        STATEMENT_FAILED,
        /**
         * The connection ended while a statement ran (server stopped or restarted, backend terminated,
         * network dropped): the file is not at fault; run again once the database is reachable.
         */
        CONNECTION_LOST,
        /** A statement waited longer than {@code lock_timeout} for a table lock (SQLState 55P03) on every try ({@code lockRetries}). */
        LOCK_TIMEOUT,
        /** Another runner held the migration lock for longer than {@code lockWait}. */
        LOCK_WAIT,
        /** An applied migration's file changed (override: {@code allowChanged}, CLI {@code --allow-changed}). */
        CHANGED,
        /** An applied migration's file is gone (override: {@code allowMissing}, CLI {@code --allow-missing}). */
        MISSING,
        /** A pending migration is numbered below the newest applied one (override: {@code allowOutOfOrder}, CLI {@code --out-of-order}). */
        OUT_OF_ORDER,
        /** A file and a history row share a version number but not a name. */
        CONFLICT,
        /** Rollback needs a down file that is missing or marked {@code -- shale:irreversible}. */
        IRREVERSIBLE,
        /**
         * The history table changed between planning and taking the migration lock in a way that makes the
         * plan wrong (another rollback or migrate ran meanwhile): nothing was done; plan again.
         */
        HISTORY_CHANGED,
        /**
         * An index a {@code CREATE INDEX CONCURRENTLY} of the file builds is INVALID (left by a failed
         * concurrent build): the file was not run, or ran and is not recorded. Drop the index and run again.
         */
        INVALID_INDEX,
        /** The migration files cannot be read or are badly named (duplicate version numbers). */
        FILES,
        /** The database cannot be reached, or the history table cannot be read or created. */
        DATABASE,
        /** The request itself cannot be carried out (baseline over history, rollback of more than applied). */
        REFUSED
    }

    private final Reason reason;
    private final String file;
    private final int statementIndex;
    private final int line;
    private final String statementFirstLine;
    private final String serverMessage;
    private final String sqlState;

    MigrationException(Reason reason, String message, String file, int statementIndex, int line, String statementFirstLine,
                       String serverMessage, String sqlState, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
        this.statementIndex = statementIndex;
        this.line = line;
        this.statementFirstLine = statementFirstLine;
        this.serverMessage = serverMessage;
        this.sqlState = sqlState;
    }

    static MigrationException of(Reason reason, String file, String message) {
        return new MigrationException(reason, message, file, 0, 0, null, null, null, null);
    }

    static MigrationException of(Reason reason, String file, String message, Throwable cause) {
        return new MigrationException(reason, message, file, 0, 0, null, null, null, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The migration file concerned (as displayed, e.g. {@code migrations/0003_x.sql}), or null. */
    public String file() {
        return file;
    }

    /** The 1-based index of the failed statement in its file, or 0 when no statement failed. */
    public int statementIndex() {
        return statementIndex;
    }

    /** The 1-based line where the failed statement starts, or 0. */
    public int line() {
        return line;
    }

    /** The first line of the failed statement's text, or null. */
    public String statementFirstLine() {
        return statementFirstLine;
    }

    /** PostgreSQL's message for the failed statement ({@code ERROR: ...}), or null. */
    public String serverMessage() {
        return serverMessage;
    }

    /** PostgreSQL's SQLState for the failure ({@code 55P03} for a lock timeout), or null. */
    public String sqlState() {
        return sqlState;
    }
}
