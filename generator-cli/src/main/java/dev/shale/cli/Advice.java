package dev.shale.cli;

import dev.shale.diff.UnresolvedRenamesException;
import dev.shale.migrator.MigrationException;
import dev.shale.workflow.WorkflowException;

/**
 * What the command line says to do next after a library failure, in its own terms (flags, config
 * keys, commands): the library's message says what is wrong; this says how to fix it here. One case
 * per reason, so a new reason is a compile error until the CLI has words for it.
 */
final class Advice {
    private Advice() {}

    /** The whole message for a workflow failure: the library's explanation, then the CLI's advice. */
    static String message(WorkflowException e, String command) {
        String advice = of(e, command);
        String message = e.getMessage();
        return advice.isEmpty() ? message : message + (message.endsWith(".") ? " " : ". ") + advice;
    }

    /**
     * The migrator's message and, where it names a builder option a flag of this command sets, that flag:
     * the migrator is a library and speaks of {@code allowChanged(true)}, the command line of {@code --allow-changed}.
     */
    static String message(MigrationException e) {
        String flags = switch (e.reason()) {
            case CHANGED, MISSING, OUT_OF_ORDER -> "On the command line: allowChanged(true) is --allow-changed,"
                    + " allowMissing(true) --allow-missing, allowOutOfOrder(true) --out-of-order.";
            case LOCK_TIMEOUT -> "On the command line: --lock-timeout and --lock-retries (or [migrations] lock_timeout and"
                    + " lock_retries in " + ShaleConfig.FILE_NAME + ").";
            case LOCK_WAIT -> "On the command line: --lock-wait (or [migrations] lock_wait in " + ShaleConfig.FILE_NAME + ").";
            case STATEMENT_FAILED, CONNECTION_LOST, CONFLICT, IRREVERSIBLE, HISTORY_CHANGED, INVALID_INDEX, FILES, DATABASE,
                 REFUSED -> "";
        };
        String m = e.getMessage().strip();
        return flags.isEmpty() ? m : m + " " + flags;
    }

    /** The message when rename questions are open and no terminal can ask them. */
    static String message(UnresolvedRenamesException e, String command) {
        return RenameAnswers.openQuestions(e.questions(), ", and there is no terminal to ask on", command);
    }

    /**
     * What the CLI adds to the migrator's connection failure, which already says what to check for its
     * reason (server down, unknown host, password, missing database...): where this URL came from.
     */
    static String connection() {
        return "The URL comes from --url, else [database] migrations_url, else url in " + ShaleConfig.FILE_NAME + ".";
    }

    private static String of(WorkflowException e, String command) {
        return switch (e.reason()) {
            case NOT_CONFIGURED -> "database URL".equals(e.subject())
                    ? "Pass --url postgres://user@host:5432/db, or set [database] migrations_url (or url) in " + ShaleConfig.FILE_NAME + "."
                    : "Set [schema] source (or classpath) and package (or class) in " + ShaleConfig.FILE_NAME
                    + ", or pass --schema-source/--classpath with --schema-package/--schema-class.";
            case SCHEMA_NOT_FOUND -> "Check [schema] source, classpath and package (or class) in " + ShaleConfig.FILE_NAME + " or the flags.";
            case SCHEMA_CLASS_NOT_LOADED -> "Check [schema] package (or class) and classpath in " + ShaleConfig.FILE_NAME + " or the flags.";
            case SCHEMA_DOES_NOT_COMPILE, SCHEMA_INVALID, FILE_EXISTS, IO, CATALOG_NOT_READ, SNAPSHOT_NOT_READ -> "";
            case FILES_OUT_OF_STEP -> "Then run `shale check`.";
            case DOWN_FILE_MISSING -> "`shale rollback` runs the down file.";
            case RENAME_ANSWERS_NOTHING -> "It was given as --rename " + e.subject()
                    + "; without the flag, `shale " + command + "` lists the open questions.";
            case DROPPED_ANSWERS_NOTHING -> "It was given as --dropped " + e.subject()
                    + "; without the flag, `shale " + command + "` lists the open questions.";
            case CHANGE_NOT_SUPPORTED -> "Write this step as a hand-written migration (`shale generate --custom --name <name>`),"
                    + " then run `shale generate` again for the rest.";
            case CONNECTION_FAILED -> connection();
            case NOT_CANONICAL -> "The declared schema is probably not valid PostgreSQL there; run `shale check` and fix what it says.";
            case INTEGRITY -> "`shale hash` rewrites " + e.subject() + " from the files as they are; commit it with them.";
            case PUSH_FAILED -> "Fix the data or the schema code and run `shale push` again.";
            case BRANCH_CONFLICT -> "`shale rebase` does that in one step: run it on this branch during the merge (or after it,"
                    + " with --onto <branch merged in>); it rewrites the integrity file too.";
            case GIT -> "";
            case MIGRATION_APPLIED -> "Roll it back there first (`shale rollback`), or undo its change in a new migration"
                    + " (change the schema code and run `shale generate`).";
            case LATER_MIGRATIONS -> "`shale drop <N> --force` removes it with every later one; `shale drop` alone removes the newest.";
            case TARGET_VERSION -> "The target is [postgres] version in " + ShaleConfig.FILE_NAME + ".";
            case VERIFICATION_FAILED -> "Fix the migration named (a hand-written one by hand; then `shale hash`), or the"
                    + " schema code, and run `shale " + command + " --verify` again.";
            case VERIFICATION_SERVER -> "Verification uses --verify-url, else [verify] url in " + ShaleConfig.FILE_NAME
                    + ", else an embedded PostgreSQL of [postgres] version (downloaded once from Maven Central into"
                    + " ~/.cache/shale/postgres unless the local Maven repository has it).";
        };
    }
}
