package dev.shale.migrator;

/**
 * One statement of a migration file, as the splitter found it.
 *
 * @param sql the statement's text as written, from its first token to its last: no terminating semicolon, no
 *     whitespace or comments around it (comments inside stay)
 * @param line the 1-based line of the file where the statement's first token is
 */
public record SqlStatement(String sql, int line) {}
