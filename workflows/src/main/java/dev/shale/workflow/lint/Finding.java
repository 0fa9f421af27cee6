package dev.shale.workflow.lint;

/**
 * One hazard lint found in one statement of a migration.
 *
 * @param rule the rule, whose code is stable
 * @param severity the rule's severity, or higher when the live table is large
 * @param file the migration file as messages show it
 * @param line the 1-based line of the statement's first token
 * @param statement the statement's first line, shortened to 100 characters
 * @param message what the statement does and why it is a hazard, then the fix, on one line
 */
public record Finding(LintRule rule, Severity severity, String file, int line, String statement, String message) {
    /** {@code migrations/0003_x.sql:12: warning SH301 index-not-concurrent: <message>}. */
    public String describe() {
        return file + ":" + line + ": " + severity.label() + " " + rule.code() + " " + rule.title() + ": " + message;
    }
}
