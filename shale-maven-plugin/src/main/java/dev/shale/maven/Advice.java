package dev.shale.maven;

import dev.shale.migrator.MigrationException;
import dev.shale.workflow.WorkflowException;

import java.util.function.UnaryOperator;

/**
 * What to do next after a library failure, in the plugin's terms (parameters, {@code -Dshale.*} user
 * properties, goals): the library's message says what is wrong, this says how to fix it in a Maven build.
 * One case per reason, so a new reason is a compile error until the plugin has words for it. Where the
 * migrator's own text names a command-line flag (the overrides, the lock timeouts), the message is built
 * here from the exception's fields instead.
 */
final class Advice {
    /** Where a database URL comes from. */
    static final String URL = "Set <url> in the shale-maven-plugin configuration, pass -Dshale.url=postgres://user@host:5432/db,"
            + " or set the DATABASE_URL environment variable (<migrationsUrl> / -Dshale.migrationsUrl, when set, is used instead"
            + " for migrations and live comparisons).";
    /** Where the URL of a failed connection came from. */
    static final String URL_SOURCE = "The URL comes from <migrationsUrl> (-Dshale.migrationsUrl), else <url> (-Dshale.url, by"
            + " default the DATABASE_URL environment variable).";
    /** Where the schema code is configured. */
    static final String SCHEMA = "Set <schemaPackage> (the package of the schema classes) or <schemaClass> (a holder class) in the"
            + " shale-maven-plugin configuration, or pass -Dshale.schemaPackage=com.example.db.";

    private Advice() {}

    /** The whole message for a workflow failure: the library's explanation, then the plugin's advice. */
    static String message(WorkflowException e, String goal) {
        return join(e.getMessage(), of(e, goal));
    }

    private static String of(WorkflowException e, String goal) {
        return switch (e.reason()) {
            case NOT_CONFIGURED -> "database URL".equals(e.subject()) ? URL : SCHEMA;
            case SCHEMA_NOT_FOUND -> "The plugin reads the project's compiled classes: run mvn compile shale:" + goal
                    + ", and check <schemaPackage> or <schemaClass>.";
            case SCHEMA_CLASS_NOT_LOADED -> "Check <schemaPackage> or <schemaClass> in the shale-maven-plugin configuration, and that"
                    + " the classes are compiled (mvn compile shale:" + goal + "); a class the schema needs must be a compile"
                    + " dependency of the project.";
            case SCHEMA_DOES_NOT_COMPILE, SCHEMA_INVALID, FILE_EXISTS, IO, CATALOG_NOT_READ, SNAPSHOT_NOT_READ -> "";
            case FILES_OUT_OF_STEP -> "Then run mvn shale:check.";
            case DOWN_FILE_MISSING -> "Then run mvn shale:check.";
            case RENAME_ANSWERS_NOTHING -> "It was given in <renames> (or -Dshale.renames) as " + e.subject()
                    + "; without it, mvn shale:" + goal + " lists the open rename questions.";
            case DROPPED_ANSWERS_NOTHING -> "It was given in <dropped> (or -Dshale.dropped) as " + e.subject()
                    + "; without it, mvn shale:" + goal + " lists the open rename questions.";
            case CHANGE_NOT_SUPPORTED -> "Write this step as a hand-written migration (mvn shale:generate -Dshale.custom"
                    + " -Dshale.name=<name>, then put the SQL in the file it writes and run mvn shale:hash), then run mvn"
                    + " shale:generate again for the rest.";
            case CONNECTION_FAILED -> "Check that the server is running and accepts connections on that host and port, that the"
                    + " database exists, and the user and password. " + URL_SOURCE;
            case NOT_CANONICAL -> "The declared schema is probably not valid PostgreSQL there; run mvn verify (shale:check) and fix"
                    + " what it says.";
            case INTEGRITY -> "mvn shale:hash rewrites " + e.subject() + " from the files as they are; commit it with them.";
            case PUSH_FAILED -> "Fix the data or the schema code and run mvn shale:push again.";
            case BRANCH_CONFLICT -> "The Shale command line's rebase command does that in one step, during the merge or after"
                    + " it; the plugin has no rebase goal.";
            case GIT, MIGRATION_APPLIED, LATER_MIGRATIONS -> "";
            // the plugin sets neither a target version nor verification yet; the CLI's shale.toml does
            case TARGET_VERSION, VERIFICATION_FAILED, VERIFICATION_SERVER -> "";
        };
    }

    /**
     * The whole message for a failed migrate or status.
     *
     * @param show a migration file's path as messages show it
     */
    static String message(MigrationException e, String goal, UnaryOperator<String> show) {
        String file = e.file() == null ? "a migration" : show.apply(e.file());
        return switch (e.reason()) {
            case CHANGED -> "refusing to migrate: " + file + " has changed since it was applied. Nothing was applied. An applied"
                    + " migration must not be edited: restore the file from version control and put the change in a new"
                    + " migration (mvn shale:generate). If the edit is deliberate and harmless (a comment, formatting), set"
                    + " <allowChanged>true</allowChanged> or pass -Dshale.allowChanged. mvn shale:status lists every migration's state.";
            case MISSING -> "refusing to migrate: " + file + " was applied but its file is gone. Nothing was applied. Restore it"
                    + " from version control; if it was removed on purpose, set <allowMissing>true</allowMissing> or pass"
                    + " -Dshale.allowMissing. mvn shale:status lists every migration's state.";
            case OUT_OF_ORDER -> "refusing to migrate: " + file + " is pending but numbered below the newest applied migration"
                    + " (merged late from another branch?), so it would run after newer ones. Nothing was applied. Renumber it"
                    + " above the applied ones, or if the order does not matter, set <outOfOrder>true</outOfOrder> or pass"
                    + " -Dshale.outOfOrder. mvn shale:status lists every migration's state.";
            case LOCK_TIMEOUT -> file + ", statement " + e.statementIndex() + " (line " + e.line() + "): "
                    + (e.serverMessage() == null ? "" : e.serverMessage() + ". ")
                    + "It waited longer than lock_timeout for a table lock held by another session; its migration was rolled"
                    + " back and is not recorded. Run again at a quieter time, or raise <lockTimeout> (-Dshale.lockTimeout=30s)"
                    + " if the wait is acceptable.";
            case LOCK_WAIT -> "could not take the migration lock: another migrate is probably running. Nothing was applied by"
                    + " this run. Let it finish and run mvn shale:" + goal + " again (it skips what the other applied), or raise"
                    + " <lockWait> (-Dshale.lockWait=5min). A stuck session holding it can be ended with"
                    + " SELECT pg_terminate_backend(pid).";
            case DATABASE -> join(e.getMessage(), URL_SOURCE);
            case STATEMENT_FAILED, CONFLICT, IRREVERSIBLE, FILES, REFUSED, CONNECTION_LOST, HISTORY_CHANGED, INVALID_INDEX -> e.getMessage();
        };
    }

    private static String join(String message, String advice) {
        if (advice.isEmpty()) {
            return message;
        }
        String m = message.strip();
        return m + (m.endsWith(".") ? " " : ". ") + advice;
    }
}
