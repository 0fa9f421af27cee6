package dev.shale.spring;

import dev.shale.migrator.MigrationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Puts a failed start-up migration at the top of Boot's "APPLICATION FAILED TO START" report: the
 * migrator's own message as the description (not a bean-creation stack trace around it), and what to do,
 * in terms of {@code shale.*} properties, as the action. A {@link ShaleConfigurationException} is reported
 * the same way.
 */
final class ShaleFailureAnalyzer implements FailureAnalyzer {
    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MigrationException e) {
                return new FailureAnalysis("Shale could not migrate the database at start-up: " + e.getMessage(), action(e), e);
            }
            if (t instanceof ShaleConfigurationException e) {
                return new FailureAnalysis(e.problem(), e.action(), e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    static String action(MigrationException e) {
        return switch (e.reason()) {
            case CHANGED -> "Restore the applied migration's file and put the change in a new migration. If the edit is deliberate "
                    + "and harmless (a comment, formatting), set shale.validate-on-migrate=false.";
            case MISSING -> "Restore the missing migration file from version control. If it was removed on purpose, set "
                    + "shale.validate-on-migrate=false.";
            case OUT_OF_ORDER -> "Renumber the pending migration above the newest applied one, or, if the order does not matter, set "
                    + "shale.out-of-order=true.";
            case CONFLICT -> "Give one of the two migrations that share a number the next free number.";
            case STATEMENT_FAILED -> "Fix the statement named above in a new migration file (this one was rolled back), or fix the "
                    + "database state it expects; then start the application again.";
            case LOCK_TIMEOUT -> "A migration statement waited longer than shale.lock-timeout for a table lock. Start again when the "
                    + "table is less busy, or raise shale.lock-timeout.";
            case LOCK_WAIT -> "Another instance held the migration lock longer than shale.lock-wait. Let it finish and start again, or "
                    + "raise shale.lock-wait.";
            case FILES -> "Check shale.location and the migration files there (NNNN_name.sql, one file per number).";
            case DATABASE -> "Check the database the application connects to (its DataSource, or shale.url, shale.user and "
                    + "shale.password), and that this user may create and read the history table (shale.history-table).";
            case CONNECTION_LOST -> "The database connection was lost while a migration ran (the file is not at fault): start the "
                    + "application again once the database is reachable; the next start continues from that file.";
            case INVALID_INDEX -> "Drop the INVALID index named above (DROP INDEX CONCURRENTLY IF EXISTS ...), then start again.";
            case HISTORY_CHANGED -> "Another instance changed the migration history meanwhile; start again.";
            case IRREVERSIBLE, REFUSED -> "Check the shale.* settings of the application.";
        };
    }
}
