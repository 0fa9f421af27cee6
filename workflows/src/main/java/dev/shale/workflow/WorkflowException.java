package dev.shale.workflow;

/**
 * A workflow that failed for a reason the user can fix. The message says what is wrong, on which
 * object; it never names a flag, a config key or a command: each front end adds what to do next in its
 * own terms, by {@link #reason()}. Nothing was written or changed when one is thrown.
 */
public final class WorkflowException extends RuntimeException {
    /** Why a workflow failed. */
    public enum Reason {
        /** The project says too little: no schema location, no database URL. {@link #subject()} names the setting. */
        NOT_CONFIGURED,
        /** Schema sources or a class-path entry that the project names do not exist. */
        SCHEMA_NOT_FOUND,
        /** The schema sources do not compile (or there is no compiler); the message lists file:line errors. */
        SCHEMA_DOES_NOT_COMPILE,
        /** A schema class cannot be loaded, or the package holds none. */
        SCHEMA_CLASS_NOT_LOADED,
        /** The schema code declares something invalid; the message starts with its file:line. */
        SCHEMA_INVALID,
        /** Migrations and snapshots are not in step: a file without its partner, or a number used twice. */
        FILES_OUT_OF_STEP,
        /** A migration has no down file, or a down file no migration. */
        DOWN_FILE_MISSING,
        /** A file to write already exists: Shale never overwrites a migration, snapshot or pulled class. */
        FILE_EXISTS,
        /** Reading or writing project files failed. */
        IO,
        /** A rename answer ({@link #subject()}: {@code schema.table[.old]=new}) answers no open question. */
        RENAME_ANSWERS_NOTHING,
        /** A "dropped" answer ({@link #subject()}: {@code schema.table[.column]}) answers no open question. */
        DROPPED_ANSWERS_NOTHING,
        /** The change cannot be expressed by the diff (removing an enum value, say); it needs hand-written SQL. */
        CHANGE_NOT_SUPPORTED,
        /** The database could not be reached, or refused the login. */
        CONNECTION_FAILED,
        /** The database's catalog could not be read. */
        CATALOG_NOT_READ,
        /** The declared schema could not be created on the database to normalise it (it is not valid there). */
        NOT_CANONICAL,
        /** A push statement failed; the database is unchanged (or kept only the step that committed first). */
        PUSH_FAILED,
        /** A snapshot file named as a side of a diff could not be read. */
        SNAPSHOT_NOT_READ,
        /** The migrations and snapshots disagree with the integrity file (or it is missing): edited, removed or half-merged files. */
        INTEGRITY,
        /**
         * Two branches each generated the same migration number (both {@code 0007_...}, snapshots that follow the
         * same one): the history forks. {@link #subject()} names the first of the clashing files.
         */
        BRANCH_CONFLICT,
        /** Git could not be run, the project is in no repository, or a ref names no commit. */
        GIT,
        /** A migration to remove is applied on the database checked; {@link #subject()} names the migration. */
        MIGRATION_APPLIED,
        /** A migration to remove has later migrations built on it; {@link #subject()} names the migration. */
        LATER_MIGRATIONS,
        /**
         * The schema uses what the project's target PostgreSQL version lacks (NULLS NOT DISTINCT before 15,
         * multiranges before 14); the message lists each object and the version it needs.
         */
        TARGET_VERSION,
        /** Verification found a migration that fails, or migrations that do not build what the code declares. */
        VERIFICATION_FAILED,
        /** No scratch database for verification: the configured server refused, or the embedded one did not start. */
        VERIFICATION_SERVER,
    }

    private final Reason reason;
    private final String subject;

    public WorkflowException(Reason reason, String subject, String message) {
        this(reason, subject, message, null);
    }

    public WorkflowException(Reason reason, String subject, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.subject = subject;
    }

    public Reason reason() {
        return reason;
    }

    /** The object, file or setting the failure is about, or null. */
    public String subject() {
        return subject;
    }
}
