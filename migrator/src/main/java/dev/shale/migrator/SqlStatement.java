package dev.shale.migrator;

/**
 * One statement of a migration file, as the splitter found it.
 *
 * @param sql the statement's text, without the terminating semicolon, comments before it trimmed
 * @param line the 1-based line of the file where the statement starts
 */
public record SqlStatement(String sql, int line) {}
