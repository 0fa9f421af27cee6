package dev.shale.migrator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The single-pass lexer behind {@link SqlSplitter}. It follows PostgreSQL's scanner (scan.l) for what
 * hides a semicolon, and psql's (psqlscan.l) for when a semicolon ends a statement: not inside
 * parentheses, and not inside a {@code BEGIN ... END} body of {@code CREATE [OR REPLACE]
 * FUNCTION|PROCEDURE} (SQL-standard bodies, {@code BEGIN ATOMIC}). Assumes
 * {@code standard_conforming_strings = on}, the default since PostgreSQL 9.1.
 */
final class SqlScanner {
    private final String s;
    private final int n;
    private final List<SqlStatement> statements = new ArrayList<>();

    private int pos;
    private int line = 1;

    /** Start of the current statement's first token, or -1 while only whitespace and comments were seen. */
    private int start = -1;
    private int startLine;
    private int lastTokenEnd;

    /** Lines of the open parentheses, innermost last (psql's paren_depth). */
    private int[] parens = new int[8];
    private int parenDepth;
    /** psql's begin_depth, the line of the outermost BEGIN, and the first letters of the leading keywords. */
    private int beginDepth;
    private int beginLine;
    private final char[] keywords = new char[4];
    private int identifierCount;

    SqlScanner(String script) {
        this.s = Objects.requireNonNull(script, "script");
        this.n = script.length();
        this.pos = n > 0 && script.charAt(0) == '\uFEFF' ? 1 : 0;
    }

    List<SqlStatement> statements() {
        while (pos < n) {
            step();
        }
        if (start >= 0) {
            if (parenDepth > 0) {
                int open = parens[parenDepth - 1];
                throw new SqlSyntaxException(open, "unclosed parenthesis: the '(' at line " + open + " is never closed, so the "
                        + "statement starting at line " + startLine + " runs to the end of the file; add the missing ')'");
            }
            if (beginDepth > 0) {
                throw new SqlSyntaxException(beginLine, "BEGIN without END: the function or procedure starting at line "
                        + startLine + " opens a BEGIN ... END body at line " + beginLine + " that never ends, so its "
                        + "semicolons do not end statements; add the missing END, or double-quote \"begin\" where it is a name");
            }
            finishStatement();
        }
        return List.copyOf(statements);
    }

    private void step() {
        char c = s.charAt(pos);
        char next = pos + 1 < n ? s.charAt(pos + 1) : '\0';
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '\f' || c == '\u000B') {
            advanceTo(pos + 1);
        } else if (c == '-' && next == '-') {
            advanceTo(lineEnd(pos));
        } else if (c == '/' && next == '*') {
            blockComment();
        } else if (c == ';') {
            if (parenDepth == 0 && beginDepth == 0) {
                advanceTo(pos + 1);
                if (start >= 0) {
                    finishStatement();
                }
            } else {
                token(pos + 1);
            }
        } else if (c == '\'') {
            quoted(pos, pos, '\'', "quoted string", false);
        } else if (c == '"') {
            quoted(pos, pos, '"', "quoted identifier", false);
        } else if (c == '$') {
            dollar();
        } else if (isIdentStart(c)) {
            word();
        } else if (c >= '0' && c <= '9') {
            int end = pos;
            while (end < n && isDigit(s.charAt(end))) {
                end++;
            }
            token(end);
        } else if (c == '(') {
            if (parenDepth == parens.length) {
                parens = Arrays.copyOf(parens, parenDepth * 2);
            }
            parens[parenDepth++] = line;
            token(pos + 1);
        } else if (c == ')') {
            if (parenDepth > 0) {
                parenDepth--;
            }
            token(pos + 1);
        } else {
            token(pos + 1);
        }
    }

    /** An identifier or keyword; a one-letter E, B, X, N or U& prefix starts a string instead. */
    private void word() {
        int begin = pos;
        int end = pos + 1;
        while (end < n && isIdentCont(s.charAt(end))) {
            end++;
        }
        char after = end < n ? s.charAt(end) : '\0';
        if (end == begin + 1) {
            char p = Character.toLowerCase(s.charAt(begin));
            if (after == '\'' && p == 'e') {
                quoted(begin, end, '\'', "E'' string", true);
                return;
            }
            if (after == '\'' && (p == 'b' || p == 'x' || p == 'n')) {
                quoted(begin, end, '\'', "quoted string", false);
                return;
            }
            char quote = end + 1 < n ? s.charAt(end + 1) : '\0';
            if (p == 'u' && after == '&' && (quote == '\'' || quote == '"')) {
                quoted(begin, end + 1, quote, quote == '"' ? "U&\"\" identifier" : "U&'' string", false);
                return;
            }
        }
        token(end);
        identifier(s.substring(begin, end).toLowerCase(Locale.ROOT));
    }

    /** psql's heuristic for SQL-standard function bodies, whose semicolons do not end the statement. */
    private void identifier(String word) {
        if (identifierCount == 0) {
            Arrays.fill(keywords, '\0');
        }
        if (identifierCount < keywords.length && (word.equals("create") || word.equals("function")
                || word.equals("procedure") || word.equals("or") || word.equals("replace"))) {
            keywords[identifierCount] = word.charAt(0);
        }
        identifierCount++;
        boolean routine = keywords[0] == 'c' && (keywords[1] == 'f' || keywords[1] == 'p'
                || keywords[1] == 'o' && keywords[2] == 'r' && (keywords[3] == 'f' || keywords[3] == 'p'));
        if (!routine || parenDepth != 0) {
            return;
        }
        if (word.equals("begin")) {
            if (beginDepth++ == 0) {
                beginLine = line;
            }
        } else if (word.equals("case")) {
            if (beginDepth >= 1) {
                beginDepth++;
            }
        } else if (word.equals("end") && beginDepth > 0) {
            beginDepth--;
        }
    }

    /**
     * A string or quoted identifier from {@code begin} (its prefix, if any) whose opening quote is at
     * {@code quoteAt}; a doubled quote stands for one, and in an E'' string a backslash escapes the next
     * character. An E'' string continued on a later line ({@code E'a'} newline {@code 'b'}) stays an E'' string.
     */
    private void quoted(int begin, int quoteAt, char quote, String what, boolean backslashEscapes) {
        int startedAt = line;
        markStart(begin);
        int i = quoteAt + 1;
        while (true) {
            if (i >= n) {
                throw unterminated(what, startedAt, "the file ends before its closing " + quote + "; "
                        + (backslashEscapes ? "in an E'' string a backslash escapes the next character, so \\' does not close it"
                        : "a " + quote + " inside it is written twice (" + quote + quote + ")"));
            }
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    int continued = backslashEscapes ? continuation(i + 1) : -1;
                    if (continued < 0) {
                        token(i + 1);
                        return;
                    }
                    i = continued + 1;
                }
            } else {
                i++;
            }
        }
    }

    /**
     * Where a string continues after its closing quote at {@code from - 1}: the position of the next
     * segment's opening quote when only whitespace holding a newline (and {@code --} comments) comes
     * between, as in scan.l's {@code quotecontinue}; else -1.
     */
    private int continuation(int from) {
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                i = lineEnd(i);
            } else {
                break;
            }
        }
        if (i >= n || s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            return -1;
        }
        i++;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r') {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                int end = lineEnd(i);
                if (end >= n) {
                    return -1;
                }
                i = end + 1;
            } else {
                break;
            }
        }
        return i < n && s.charAt(i) == '\'' ? i : -1;
    }

    /** {@code $1} (a parameter), {@code $$} or {@code $tag$} (a dollar-quoted string), or a lone {@code $}. */
    private void dollar() {
        int i = pos + 1;
        if (i < n && isDigit(s.charAt(i))) {
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            token(i);
            return;
        }
        if (i < n && isIdentStart(s.charAt(i))) {
            i++;
            while (i < n && isTagCont(s.charAt(i))) {
                i++;
            }
        }
        if (i >= n || s.charAt(i) != '$') {
            token(pos + 1);
            return;
        }
        String delimiter = s.substring(pos, i + 1);
        int close = s.indexOf(delimiter, i + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string " + delimiter, line, "the file ends before the closing "
                    + delimiter + "; add it, or check that the closing tag is spelled (and cased) like the opening one");
        }
        markStart(pos);
        token(close + delimiter.length());
    }

    /** A block comment; they nest, so each {@code /*} needs its own {@code *}{@code /}. */
    private void blockComment() {
        int startedAt = line;
        int depth = 0;
        int i = pos;
        while (i < n) {
            if (s.charAt(i) == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    advanceTo(i);
                    return;
                }
            } else {
                i++;
            }
        }
        throw unterminated("block comment", startedAt, "the file ends inside it; block comments nest, so every /* "
                + "inside one needs its own */ as well");
    }

    private SqlSyntaxException unterminated(String what, int startedAt, String how) {
        return new SqlSyntaxException(startedAt, "unterminated " + what + " starting at line " + startedAt + ": " + how);
    }

    /** Records a token that starts at {@code pos} and ends at {@code end}. */
    private void token(int end) {
        markStart(pos);
        advanceTo(end);
        lastTokenEnd = end;
    }

    private void markStart(int at) {
        if (start < 0) {
            start = at;
            startLine = line;
        }
    }

    private void finishStatement() {
        statements.add(new SqlStatement(s.substring(start, lastTokenEnd), startLine));
        start = -1;
        identifierCount = 0;
    }

    /** Moves to {@code end}, counting line breaks: {@code \n}, {@code \r\n} and a lone {@code \r} each end a line. */
    private void advanceTo(int end) {
        for (int i = pos; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        pos = end;
    }

    /** The position of the line break ending the line that {@code from} is on, or the end of the script. */
    private int lineEnd(int from) {
        int i = from;
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** scan.l's ident_start: a letter, an underscore, or any non-ASCII character. */
    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    /** scan.l's ident_cont: digits and {@code $} may follow the first character. */
    private static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    /** scan.l's dolq_cont: like ident_cont but without {@code $}. */
    private static boolean isTagCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
