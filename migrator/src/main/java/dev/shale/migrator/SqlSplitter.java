package dev.shale.migrator;

import java.util.List;

/**
 * Splits a migration file into statements by PostgreSQL's lexical rules, so that hand-written functions,
 * triggers and DO blocks apply. A semicolon ends a statement except inside a single-quoted, E'', U&'', B''
 * or X'' string, a quoted identifier, a {@code --} or (nested) block comment, a dollar-quoted body
 * ({@code $$...$$}, {@code $tag$...$tag$}), parentheses, or the {@code BEGIN ... END} body of a
 * {@code CREATE FUNCTION|PROCEDURE} (PostgreSQL 14's {@code BEGIN ATOMIC}) — the same rules psql uses.
 *
 * <p>Each statement keeps its text exactly as written, from its first token to its last (comments between
 * tokens stay; whitespace and comments before and after go), without the terminating semicolon. A last
 * statement without a semicolon is still a statement. A byte-order mark at the start is skipped; line
 * breaks may be {@code \n}, {@code \r\n} or {@code \r}. Strings follow {@code standard_conforming_strings = on}
 * (the default since PostgreSQL 9.1): only E'' strings treat a backslash as an escape.
 */
public final class SqlSplitter {
    private SqlSplitter() {}

    /**
     * The statements of {@code script} in order; empty statements (a lone {@code ;}, only comments) are left out.
     *
     * @throws SqlSyntaxException when a string, quoted identifier, comment, dollar-quoted body, parenthesis or
     *     function body is still open at the end of the script; the message names the line where it starts
     */
    public static List<SqlStatement> split(String script) {
        return new SqlScanner(script).statements();
    }
}
